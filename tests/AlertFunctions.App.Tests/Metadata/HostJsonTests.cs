using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertFunctions.App.Tests.Metadata;

/// <summary>The host.json the app's build carries (linked from the repository root).</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode Host = AppBuildOutput.ReadJson("host.json");

    [Fact]
    public void HostJson_Version_IsTwo()
    {
        Assert.Equal("2.0", (string?)Host["version"]);
    }

    [Fact]
    public void HostJson_FunctionTimeout_FitsTheConsumptionPlanLimit()
    {
        var timeout = TimeSpan.Parse((string)Host["functionTimeout"]!, CultureInfo.InvariantCulture);

        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void HostJson_EventHubs_BatchesUpToAThousandAndCheckpointsEveryBatch()
    {
        var eventHubs = Host["extensions"]!["eventHubs"]!;
        var max = (int)eventHubs["maxEventBatchSize"]!;
        var min = (int)eventHubs["minEventBatchSize"]!;

        Assert.Equal(1000, max);
        Assert.InRange(min, 1, max);
        Assert.True((int)eventHubs["prefetchCount"]! >= max, "prefetchCount must keep at least one full batch ready.");
        Assert.Equal(1, (int)eventHubs["batchCheckpointFrequency"]!);
        Assert.Equal("fromStart", (string?)eventHubs["initialOffsetOptions"]!["type"]);
    }

    [Fact]
    public void HostJson_Queues_RetryFiveTimesWithBase64Messages()
    {
        var queues = Host["extensions"]!["queues"]!;

        Assert.Equal(5, (int)queues["maxDequeueCount"]!);
        Assert.Equal("base64", (string?)queues["messageEncoding"]);
        Assert.True(TimeSpan.TryParse((string?)queues["visibilityTimeout"], CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void HostJson_Sampling_NeverDropsRequestsOrExceptions()
    {
        var sampling = Host["logging"]!["applicationInsights"]!["samplingSettings"]!;
        var excluded = ((string)sampling["excludedTypes"]!).Split(';');

        Assert.Contains("Request", excluded);
        Assert.Contains("Exception", excluded);
    }

    [Fact]
    public void HostJson_FunctionLogs_AreKeptAtInformation()
    {
        Assert.Equal("Information", (string?)Host["logging"]!["logLevel"]!["Function"]);
    }
}
