using System.Collections.Concurrent;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Testing;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tests;

/// <summary>
/// Finding an alert by id alone (every notification and responder action does) must not scan the alerts table, which grows
/// by the day: the id's time names the row's day.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertLookupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAsync_IdRaisedJustAfterMidnightOfAWindowStartedTheDayBefore_FoundByPointReadsWithoutAQuery()
    {
        var (store, requests) = StoreCountingRequests();
        var alert = SampleAlerts.Create(alertId: "rapid-drain-202503140010-0123456789abcdef", windowStart: new DateTimeOffset(2025, 3, 13, 23, 30, 0, TimeSpan.Zero));
        await store.UpsertAsync(alert);
        requests.Clear();

        var found = await store.GetAsync(alert.AlertId);
        var claim = await store.ClaimPostAsync(alert.AlertId, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1));

        Assert.Equal(alert.AlertId, found!.Alert.AlertId);
        Assert.Equal(PostClaimOutcome.Claimed, claim.Outcome);
        Assert.DoesNotContain(requests, r => r.Contains("$filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_IdWithoutATime_IsStillFoundByTheScan()
    {
        var (store, requests) = StoreCountingRequests();
        var alert = SampleAlerts.Create(alertId: "imported-alert-7");
        await store.UpsertAsync(alert);
        requests.Clear();

        var found = await store.GetAsync(alert.AlertId);

        Assert.Equal(alert.AlertId, found!.Alert.AlertId);
        Assert.Contains(requests, r => r.Contains("$filter", StringComparison.Ordinal));
    }

    private (AlertTableStore Store, ConcurrentQueue<string> Requests) StoreCountingRequests()
    {
        var requests = new ConcurrentQueue<string>();
        var options = new TableClientOptions();
        options.AddPolicy(new RecordingPolicy(requests), HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        return (new AlertTableStore(service, IsolatedStorage.Options(azurite)), requests);
    }

    private sealed class RecordingPolicy(ConcurrentQueue<string> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => requests.Enqueue(Uri.UnescapeDataString(message.Request.Uri.ToString()));
    }
}
