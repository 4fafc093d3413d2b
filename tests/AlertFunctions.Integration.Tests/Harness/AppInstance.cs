using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Ingestion;
using AlertFunctions.App.Notifications;
using AlertFunctions.App.Summaries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>
/// One running "worker": a started host whose services come from the app's own registration. A second instance over the same
/// storage is what another Functions instance (after a lease move or a restart) would be.
/// </summary>
internal sealed class AppInstance(IHost host, CapturingLoggerProvider logs) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public CapturingLoggerProvider Logs { get; } = logs;

    public IngestBatchProcessor Processor => Services.GetRequiredService<IngestBatchProcessor>();

    /// <summary>What the Ingest function resolves.</summary>
    public IIngestBatchProcessor IngestFunctionProcessor => Services.GetRequiredService<IIngestBatchProcessor>();

    /// <summary>A fresh dispatcher, as each Notify or NotificationSweep invocation gets.</summary>
    public IAlertNotificationDispatcher Dispatcher => Services.GetRequiredService<IAlertNotificationDispatcher>();

    public IDailySummaryJob SummaryJob => Services.GetRequiredService<IDailySummaryJob>();

    public IAlertQueries Queries => Services.GetRequiredService<IAlertQueries>();

    public IAlertResponderActions ResponderActions => Services.GetRequiredService<IAlertResponderActions>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
