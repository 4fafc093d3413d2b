using System.Text.Json.Nodes;
using Xunit;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The collector settings the tool is built with (its csproj says why and what they measured). The native executable
/// compiles in the same options the JIT build writes to its runtime configuration, which is what is read here.
/// </summary>
public sealed class ReplayRuntimeConfigurationTests
{
    [Fact]
    public void RuntimeConfiguration_KeepsTheReplaysGrowingTablesOffTheLargeObjectHeap()
    {
        var options = ConfigProperties();

        Assert.Equal(16 * 1024 * 1024, (int)options["System.GC.LOHThreshold"]!);
    }

    [Fact]
    public void RuntimeConfiguration_UsesTheWorkstationCollectorWithoutBackgroundCollections()
    {
        var options = ConfigProperties();

        Assert.False((bool)options["System.GC.Server"]!);
        Assert.False((bool)options["System.GC.Concurrent"]!);
    }

    private static JsonObject ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "alertfunctions.runtimeconfig.json");
        var configuration = JsonNode.Parse(File.ReadAllText(path))!;
        return configuration["runtimeOptions"]!["configProperties"]!.AsObject();
    }
}
