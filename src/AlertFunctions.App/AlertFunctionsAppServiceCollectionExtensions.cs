using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App;

/// <summary>Registers what the functions need.</summary>
public static class AlertFunctionsAppServiceCollectionExtensions
{
    /// <summary>
    /// The functions resolve, per invocation: <see cref="Ingestion.IIngestBatchProcessor"/> (Ingest),
    /// <see cref="Notifications.IAlertNotificationDispatcher"/> (Notify, NotificationSweep), <see cref="Summaries.IDailySummaryJob"/>
    /// (DailySummary), <see cref="AlertsApi.IAlertQueries"/> and <see cref="AlertsApi.IAlertResponderActions"/> (alerts API and
    /// responder pages), and <see cref="TimeProvider"/>. The storage, Teams and detection registrations that provide them belong here.
    /// </summary>
    public static IServiceCollection AddAlertFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
