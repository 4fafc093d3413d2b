using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAlertNotificationDispatcher"/>. Transient, like the Teams notifier it uses, whose typed HttpClient
    /// must not be held for the life of the worker. Needs storage and Teams registered.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<IAlertNotificationDispatcher, AlertNotificationDispatcher>();
        return services;
    }
}
