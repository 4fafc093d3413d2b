using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class UnreadableStateTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task ProcessAsync_SavedStateOfAnotherSnapshotVersion_LogsAnErrorAndAppliesTheNextBatchFromFreshState()
    {
        // What a deployment that changed the state format leaves behind: before, the new instance failed every retry of
        // the partition's batch, and detection for its platforms stopped until someone cleared the table.
        await using var env = PipelineEnvironment.Create(azurite);
        var drain = new DrainScenario("contoso-exchange", "hot-u", DrainStart);
        var batches = new EventHubBatches("4", DrainStart);
        var first = await env.StartInstanceAsync();
        await first.Processor.ProcessAsync(batches.Next(drain.Legs(0, 4)), CancellationToken.None);
        var rewritten = await MarkEveryStateRowAsVersionAsync(env, 255);

        var second = await env.StartInstanceAsync();
        var next = batches.Next(drain.Legs(4, 4));
        var outcome = await second.Processor.ProcessAsync(next, CancellationToken.None);

        Assert.Equal((4, 0, 0), (outcome.Processed, outcome.DeadLettered, outcome.Skipped));
        Assert.Equal(next.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-4")).LastSequenceNumber);
        var error = Assert.Single(second.Logs.Entries, e => e.EventId.Id == 4203);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.True(rewritten > 0);
        Assert.Equal(rewritten, error.Value<int>("UnreadableCount"));
        Assert.Equal(rewritten, error.Value<int>("EntryCount"));
        Assert.Contains("has snapshot version 255", error.Value<string>("Reason"), StringComparison.Ordinal);
    }

    private static async Task<int> MarkEveryStateRowAsVersionAsync(PipelineEnvironment env, byte version)
    {
        var table = new TableServiceClient(env.StorageConnectionString).GetTableClient(env.StorageOptions.DetectorStateTableName);
        var rewritten = 0;
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.GetBinary("Payload0") is not { } payload)
            {
                continue; // the checkpoint row
            }

            payload[0] = version;
            row["Payload0"] = payload;
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
            rewritten++;
        }

        return rewritten;
    }
}
