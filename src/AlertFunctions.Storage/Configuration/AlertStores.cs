using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Storage.Volume;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertFunctions.Storage.Configuration;

/// <summary>Every store over one storage account: what the CLI builds without dependency injection.</summary>
public sealed class AlertStores
{
    public AlertStores(AlertStorageClients clients, AlertStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        Alerts = new AlertTableStore(clients.Tables, options, loggerFactory.CreateLogger<AlertTableStore>());
        DeadLetters = new DeadLetterTableStore(clients.Tables, options);
        DetectorState = new DetectorStateStore(clients.Tables, options, loggerFactory.CreateLogger<DetectorStateStore>());
        Summaries = new SummaryTableStore(clients.Tables, options);
        DailyVolume = new DailyVolumeTableStore(clients.Tables, options, loggerFactory.CreateLogger<DailyVolumeTableStore>());
        Notifications = new NotificationQueue(clients.Queues, options);
    }

    public AlertTableStore Alerts { get; }
    public DeadLetterTableStore DeadLetters { get; }
    public DetectorStateStore DetectorState { get; }
    public SummaryTableStore Summaries { get; }
    public DailyVolumeTableStore DailyVolume { get; }
    public NotificationQueue Notifications { get; }

    /// <summary>
    /// Validates <paramref name="options"/> (same messages as start-up validation) and builds every store, for example
    /// <c>AlertStores.Create(new AlertStorageOptions { ConnectionString = "UseDevelopmentStorage=true" })</c>.
    /// </summary>
    public static AlertStores Create(AlertStorageOptions options, ILoggerFactory? loggerFactory = null, TokenCredential? credential = null) =>
        new(AlertStorageClients.Create(options, credential), options, loggerFactory);
}
