using AlertFunctions.App.Ingestion;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlertFunctions.Integration.Tests.Ingestion;

/// <summary>What a partition stores follows what its engine holds: states dropped as idle leave storage too.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DetectorStateGrowthTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = PipelineEnvironment.DefaultStart.AddDays(-41);

    [Fact]
    public async Task ProcessAsync_DestinationEvictedAsIdleByTheEngine_ItsStoredStateRowIsRemovedToo()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var batches = new EventHubBatches("0", Start);
        var oldDestination = WithdrawalJson.Address("once-used-destination");

        // One withdrawal to an address that is never paid again.
        await app.Processor.ProcessAsync(
            batches.Next([WithdrawalJson.Body("old-0", "contoso-exchange", WithdrawalJson.Address("hot-1"), oldDestination, "ETH", 0.01m, 30m, Start)]),
            CancellationToken.None);
        Assert.Contains((await env.Stores.DetectorState.LoadAsync("partition-0")).Entries, e => e.Key.EndsWith(oldDestination, StringComparison.Ordinal));

        // 40 days later (the default destination memory is 7), enough new destinations for the engine's idle sweep to run.
        var later = Start.AddDays(40);
        for (var b = 0; b < 5; b++)
        {
            var bodies = Enumerable.Range(b * 1000, 1000).Select(i => WithdrawalJson.Body(
                $"new-{i}", "contoso-exchange", WithdrawalJson.Address("hot-2"), WithdrawalJson.Address($"dest-{i}"), "ETH", 0.01m, 30m, later.AddSeconds(i))).ToList();
            await app.Processor.ProcessAsync(batches.Next(bodies), CancellationToken.None);
        }

        // Precondition: the engine really did drop the idle destination from memory.
        var engine = app.Services.GetRequiredService<PartitionSessions>().For("0").Session!.Engine;
        Assert.DoesNotContain(engine.ExportAll(), e => e.Key.EndsWith(oldDestination, StringComparison.Ordinal));

        // The engine has dropped the idle destination; its stored row must go too, or the table (and every partition load) grows forever.
        var stored = await env.Stores.DetectorState.LoadAsync("partition-0");
        Assert.DoesNotContain(stored.Entries, e => e.Key.EndsWith(oldDestination, StringComparison.Ordinal));
    }
}
