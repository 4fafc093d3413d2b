using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App.AlertsApi;

public static class AlertsApiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IAlertQueries"/> and <see cref="IAlertResponderActions"/> over the alerts table. Needs storage.</summary>
    public static IServiceCollection AddAlertsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IAlertQueries, AlertQueries>();
        services.TryAddSingleton<IAlertResponderActions, AlertResponderActions>();
        return services;
    }
}
