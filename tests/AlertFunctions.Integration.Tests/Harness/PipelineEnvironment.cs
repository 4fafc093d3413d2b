using AlertFunctions.App;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>
/// Everything one test shares between its app instances: Azurite tables and a queue under a prefix unique to the test, a fake
/// Teams endpoint, a clock, and the settings the app is configured with (the same keys as the Function App's app settings).
/// </summary>
internal sealed class PipelineEnvironment : IAsyncDisposable
{
    /// <summary>A Saturday morning, UTC; tests put their events shortly before it.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly List<AppInstance> _instances = [];

    private PipelineEnvironment(AzuriteFixture azurite, DateTimeOffset start)
    {
        Clock = new OffsetClock(start);
        Teams = FakeTeamsEndpoint.Start();
        Prefix = AzuriteFixture.UniqueName("it");
        StorageConnectionString = azurite.ConnectionString;
        StorageOptions = new AlertStorageOptions { ConnectionString = azurite.ConnectionString, TableNamePrefix = Prefix };
        Stores = AlertStores.Create(StorageOptions);
        Settings = new Dictionary<string, string?>
        {
            ["AlertStorage:ConnectionString"] = azurite.ConnectionString,
            ["AlertStorage:TableNamePrefix"] = Prefix,
            ["Teams:WebhookUrl"] = Teams.WebhookUrl.OriginalString,
            ["Teams:AlertLinkBaseUrl"] = "https://alerts.example.test/api/respond",
            // Generous enough that a loaded CI machine never turns a real answer into a timeout; only a deliberate hang waits it out.
            ["Teams:AttemptTimeout"] = "00:00:02",
            ["Teams:TotalTimeout"] = "00:00:10",
            ["Teams:MaxAttempts"] = "2",
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
            ["Teams:MaxRequestsPerSecond"] = "50",
        };
    }

    public OffsetClock Clock { get; }

    public FakeTeamsEndpoint Teams { get; }

    public string Prefix { get; }

    public string StorageConnectionString { get; }

    public AlertStorageOptions StorageOptions { get; }

    /// <summary>Direct access to the test's tables, to check what the app wrote.</summary>
    public AlertStores Stores { get; }

    public Dictionary<string, string?> Settings { get; }

    public static PipelineEnvironment Create(AzuriteFixture azurite, DateTimeOffset? start = null) =>
        new(azurite, start ?? DefaultStart);

    /// <summary>
    /// Starts a host the way the worker does: the app's registration over in-memory settings, start-up validation included.
    /// <paramref name="replace"/> registers test doubles first; the app's registration keeps what is already there.
    /// </summary>
    public async Task<AppInstance> StartInstanceAsync(Action<IServiceCollection>? replace = null, LogLevel minimumLogLevel = LogLevel.Trace)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(minimumLogLevel).AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        replace?.Invoke(builder.Services);
        builder.Services.AddAlertFunctionsApp(builder.Configuration);

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var instance = new AppInstance(host, logs);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>
    /// Plays the Notify queue trigger: takes every message on the notification queue, hands its text to the dispatcher (as the
    /// trigger binds it, Base64 decoded) and deletes it once dispatched. Returns how many messages were dispatched.
    /// </summary>
    public async Task<int> DeliverQueuedNotificationsAsync(AppInstance instance)
    {
        var queue = NotificationQueueClient();
        await queue.CreateIfNotExistsAsync();
        var dispatched = 0;
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (messages.Length == 0)
            {
                return dispatched;
            }

            foreach (var message in messages)
            {
                await instance.Dispatcher.DispatchAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                dispatched++;
            }
        }
    }

    /// <summary>Every alert row of the test, oldest window first (rows sit on the UTC day their window starts, which may be the day before the event).</summary>
    public async Task<IReadOnlyList<StoredAlert>> AllAlertsAsync() =>
        [.. (await Stores.Alerts.ListRecentAsync(DateOnly.MinValue, 500, platform: null, status: null)).Reverse()];

    public async Task<int> QueuedNotificationCountAsync()
    {
        var queue = NotificationQueueClient();
        await queue.CreateIfNotExistsAsync();
        return (await queue.PeekMessagesAsync(maxMessages: 32)).Value.Length;
    }

    public QueueClient NotificationQueueClient() =>
        new(StorageConnectionString, StorageOptions.NotificationQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Teams.DisposeAsync();
    }
}
