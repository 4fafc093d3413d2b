using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Detection;
using AlertFunctions.App.Ingestion;
using AlertFunctions.App.Notifications;
using AlertFunctions.App.Summaries;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App;

/// <summary>Registers what the functions need.</summary>
public static class AlertFunctionsAppServiceCollectionExtensions
{
    /// <summary>
    /// The functions resolve, per invocation: <see cref="IIngestBatchProcessor"/> (Ingest),
    /// <see cref="IAlertNotificationDispatcher"/> (Notify, NotificationSweep), <see cref="IDailySummaryJob"/>
    /// (DailySummary), <see cref="IAlertQueries"/> and <see cref="IAlertResponderActions"/> (alerts API and responder pages),
    /// and <see cref="TimeProvider"/>. Configuration sections <c>Detection</c>, <c>AlertStorage</c> and <c>Teams</c> are bound
    /// and validated when the host starts. Registrations already present (a test's clock, a test's store) are kept.
    /// </summary>
    public static IServiceCollection AddAlertFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddDetection(configuration);
        services.AddAlertStorage(configuration);
        services.AddTeamsNotifier(configuration);

        services.AddIngestion();
        services.AddNotifications();
        services.AddDailySummaries();
        services.AddAlertsApi();
        return services;
    }
}
