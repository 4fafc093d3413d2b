using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Teams;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// After a replay, writes what it found through the Functions app's own stores and Teams client: rejected lines to the
/// dead-letter table (source <c>replay</c>), alerts to the alerts table (idempotent by revision, so replaying a file twice
/// stores nothing twice), and one card per alert that still needs a notification, recording the delivery on the row.
/// Without storage every alert is posted once. Secrets (connection string, webhook URL) are never printed.
/// </summary>
internal sealed class PipelineForwarder
{
    private readonly AlertStores? _stores;
    private readonly string _storageEndpoint;
    private readonly string? _teamsWebhook;
    private readonly string _alertLinkBase;
    private readonly TimeProvider _clock;

    private PipelineForwarder(AlertStores? stores, string storageEndpoint, string? teamsWebhook, string alertLinkBase, TimeProvider clock)
    {
        _stores = stores;
        _storageEndpoint = storageEndpoint;
        _teamsWebhook = teamsWebhook;
        _alertLinkBase = alertLinkBase;
        _clock = clock;
    }

    public bool IsEnabled => _stores is not null || _teamsWebhook is not null;

    /// <summary>
    /// Checks the options' values without any I/O, so a mistake in them stops the replay before it reads its input rather
    /// than after. The app's validators judge them; their messages name the Functions app settings, and here the options.
    /// </summary>
    /// <exception cref="PipelineForwardingException">A value cannot be used; the message names the option, not the value.</exception>
    public static PipelineForwarder Create(string? storageConnectionString, string? teamsWebhook, string alertLinkBase, TimeProvider clock)
    {
        AlertStores? stores = null;
        var storageEndpoint = "";
        if (storageConnectionString is not null)
        {
            var options = new AlertStorageOptions { ConnectionString = storageConnectionString };
            if (new AlertStorageOptionsValidator().Validate(null, options).Failed)
            {
                throw new PipelineForwardingException(
                    "--storage is not a usable storage connection string: give the account's connection string (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…), or UseDevelopmentStorage=true for Azurite.");
            }

            var clients = AlertStorageClients.Create(options);
            stores = new AlertStores(clients, options);
            storageEndpoint = Describe(clients.Tables);
        }

        alertLinkBase = alertLinkBase.TrimEnd('/');
        if (teamsWebhook is not null)
        {
            var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { WebhookUrl = teamsWebhook, AlertLinkBaseUrl = alertLinkBase });
            if (result.Failed)
            {
                throw new PipelineForwardingException(string.Join(" ", result.Failures.Select(failure => failure
                    .Replace("Teams:WebhookUrl", "--teams-webhook", StringComparison.Ordinal)
                    .Replace("Teams:AlertLinkBaseUrl", "--alert-link-base", StringComparison.Ordinal))));
            }
        }

        return new PipelineForwarder(stores, storageEndpoint, teamsWebhook, alertLinkBase, clock);
    }

    /// <exception cref="PipelineForwardingException">Table Storage failed; the message names its host and says why.</exception>
    public async Task<PipelineReport> ForwardAsync(IReadOnlyList<Alert> alerts, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        try
        {
            return await ForwardToStoresAsync(alerts, rejections, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_stores is not null && ex is RequestFailedException or AggregateException or HttpRequestException or TimeoutException)
        {
            // Teams delivery reports its failures in its results rather than throwing: these come from Table Storage.
            throw new PipelineForwardingException($"Table Storage at {_storageEndpoint}: {StorageFailure.Describe(ex)}.", ex);
        }
    }

    private async Task<PipelineReport> ForwardToStoresAsync(IReadOnlyList<Alert> alerts, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        var stores = _stores;
        var due = alerts;
        var stored = 0;
        if (stores is not null)
        {
            var now = _clock.GetUtcNow();
            var deadLetters = rejections.Select(r => new DeadLetter { RawBody = r.Raw, Reason = r.Reason, DeadLetteredAt = now, Source = DeadLetterSources.Replay, Platform = NamedPlatform.Read(r.Raw) }).ToList();
            await stores.DeadLetters.AddManyAsync(deadLetters, cancellationToken).ConfigureAwait(false);
            var results = await stores.Alerts.UpsertManyAsync(alerts.ToList(), cancellationToken).ConfigureAwait(false);
            stored = results.Count(r => r.Changed);
            var needing = results.Where(r => r.NeedsNotification).Select(r => r.AlertId).ToHashSet(StringComparer.Ordinal);
            due = alerts.Where(a => needing.Contains(a.AlertId)).ToList();
        }

        if (_teamsWebhook is null)
        {
            return new PipelineReport(stored, rejections.Count, 0, new Dictionary<string, int>());
        }

        await using var services = BuildTeams();
        var notifier = services.GetRequiredService<ITeamsNotifier>();
        var posted = 0;
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in due)
        {
            var result = await notifier.NotifyAsync(alert, cancellationToken).ConfigureAwait(false);
            if (result.Delivered)
            {
                posted++;
                if (stores is not null)
                {
                    await stores.Alerts.MarkDeliveredAsync(alert.AlertId, alert.Severity, heldClaim: null, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                // The delivery result's error never holds the webhook URL, so it can be shown and stored.
                var error = result.Error ?? "not delivered";
                failures[error] = failures.GetValueOrDefault(error) + 1;
                if (stores is not null)
                {
                    await stores.Alerts.MarkDeliveryFailedAsync(alert.AlertId, error, _clock.GetUtcNow().AddMinutes(1), heldClaim: null, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new PipelineReport(stored, rejections.Count, posted, failures);
    }

    /// <summary>The table endpoint's host and port, and the account when the host does not name it: never a key or a SAS token.</summary>
    private static string Describe(TableServiceClient tables)
    {
        var host = tables.Uri.Authority;
        return host.StartsWith(tables.AccountName + ".", StringComparison.OrdinalIgnoreCase) ? host : $"{host} (account {tables.AccountName})";
    }

    private ServiceProvider BuildTeams()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Teams:WebhookUrl"] = _teamsWebhook,
                ["Teams:AlertLinkBaseUrl"] = _alertLinkBase,
            })
            .Build();
        // No clock is registered, so delivery runs on real time: its pacing, Retry-After waits and timeouts are spent
        // against a real endpoint, whatever clock dates the replay's records.
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddTeamsNotifier(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}

/// <summary>What a forwarded replay wrote and posted; <see cref="NotDelivered"/> counts the cards that were not, by reason.</summary>
internal sealed record PipelineReport(int AlertsStored, int DeadLettered, int CardsPosted, IReadOnlyDictionary<string, int> NotDelivered)
{
    public int CardsFailed => NotDelivered.Values.Sum();
}
