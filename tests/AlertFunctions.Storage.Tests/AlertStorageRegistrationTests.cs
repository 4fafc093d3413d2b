using AlertFunctions.Storage.Alerts;
using AlertFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlertStorageRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddAlertStorage_ConnectionString_ResolvesWorkingStores()
    {
        using var host = AlertStorageOptionsTests.BuildHost(new Dictionary<string, string?>
        {
            ["AlertStorage:ConnectionString"] = azurite.ConnectionString,
            ["AlertStorage:TableNamePrefix"] = AzuriteFixture.UniqueName("di"),
        });
        await host.StartAsync();
        var store = host.Services.GetRequiredService<AlertTableStore>();

        await store.UpsertAsync(SampleAlerts.Create());

        Assert.NotNull(await store.GetAsync(SampleAlerts.Create().AlertId));
        await host.StopAsync();
    }
}
