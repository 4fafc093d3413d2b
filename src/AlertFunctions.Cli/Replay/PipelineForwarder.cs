using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Teams;
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
internal sealed class PipelineForwarder(string? storageConnectionString, string? teamsWebhook, string alertLinkBase, TimeProvider clock)
{
    public bool IsEnabled => storageConnectionString is not null || teamsWebhook is not null;

    public async Task<PipelineReport> ForwardAsync(IReadOnlyList<Alert> alerts, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        var stores = storageConnectionString is null ? null : AlertStores.Create(new AlertStorageOptions { ConnectionString = storageConnectionString });
        var due = alerts;
        var stored = 0;
        if (stores is not null)
        {
            var now = clock.GetUtcNow();
            var deadLetters = rejections.Select(r => new DeadLetter { RawBody = r.Raw, Reason = r.Reason, DeadLetteredAt = now, Source = DeadLetterSources.Replay, Platform = NamedPlatform.Read(r.Raw) }).ToList();
            await stores.DeadLetters.AddManyAsync(deadLetters, cancellationToken).ConfigureAwait(false);
            var results = await stores.Alerts.UpsertManyAsync(alerts.ToList(), cancellationToken).ConfigureAwait(false);
            stored = results.Count(r => r.Changed);
            var needing = results.Where(r => r.NeedsNotification).Select(r => r.AlertId).ToHashSet(StringComparer.Ordinal);
            due = alerts.Where(a => needing.Contains(a.AlertId)).ToList();
        }

        if (teamsWebhook is null)
        {
            return new PipelineReport(stored, rejections.Count, 0, 0);
        }

        await using var services = BuildTeams();
        var notifier = services.GetRequiredService<ITeamsNotifier>();
        int posted = 0, failed = 0;
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
                failed++;
                if (stores is not null)
                {
                    await stores.Alerts.MarkDeliveryFailedAsync(alert.AlertId, result.Error ?? "not delivered", clock.GetUtcNow().AddMinutes(1), heldClaim: null, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new PipelineReport(stored, rejections.Count, posted, failed);
    }

    private ServiceProvider BuildTeams()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Teams:WebhookUrl"] = teamsWebhook,
                ["Teams:AlertLinkBaseUrl"] = alertLinkBase.TrimEnd('/'),
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

/// <summary>What a forwarded replay wrote and posted.</summary>
internal sealed record PipelineReport(int AlertsStored, int DeadLettered, int CardsPosted, int CardsFailed);
