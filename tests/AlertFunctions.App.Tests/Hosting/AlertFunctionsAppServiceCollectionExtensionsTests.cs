using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertFunctions.App.Tests.Hosting;

public sealed class AlertFunctionsAppServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAlertFunctionsApp_NothingRegistered_UsesTheSystemClock()
    {
        using var provider = new ServiceCollection()
            .AddAlertFunctionsApp(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddAlertFunctionsApp_ClockAlreadyRegistered_KeepsIt()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddAlertFunctionsApp(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }
}
