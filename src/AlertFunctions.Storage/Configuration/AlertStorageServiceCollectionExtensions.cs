using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Storage.Volume;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Storage.Configuration;

public static class AlertStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start-up) the <c>AlertStorage</c> section and registers every store as a singleton.
    /// With <c>AlertStorage__AccountName</c>, a <see cref="TokenCredential"/> registered in the container is used, else DefaultAzureCredential.
    /// </summary>
    public static IServiceCollection AddAlertStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AlertStorageOptions>()
            .Bind(configuration.GetSection(AlertStorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertStorageOptions>, AlertStorageOptionsValidator>());

        services.TryAddSingleton(sp => AlertStorageClients.Create(Options(sp), sp.GetService<TokenCredential>()));
        services.TryAddSingleton(sp => new AlertTableStore(Clients(sp).Tables, Options(sp), Logger<AlertTableStore>(sp)));
        services.TryAddSingleton(sp => new DeadLetterTableStore(Clients(sp).Tables, Options(sp)));
        services.TryAddSingleton(sp => new DetectorStateStore(Clients(sp).Tables, Options(sp), Logger<DetectorStateStore>(sp)));
        services.TryAddSingleton(sp => new SummaryTableStore(Clients(sp).Tables, Options(sp)));
        services.TryAddSingleton(sp => new DailyVolumeTableStore(Clients(sp).Tables, Options(sp), Logger<DailyVolumeTableStore>(sp)));
        services.TryAddSingleton(sp => new NotificationQueue(Clients(sp).Queues, Options(sp)));
        return services;
    }

    private static AlertStorageOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AlertStorageOptions>>().Value;

    private static AlertStorageClients Clients(IServiceProvider services) => services.GetRequiredService<AlertStorageClients>();

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
