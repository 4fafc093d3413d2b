using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace AlertFunctions.App.Tests.Metadata;

/// <summary>
/// The function metadata the worker itself reports to the host when worker indexing is on (the default): it comes from the
/// source generator's provider compiled into the app, not from functions.metadata, so it is checked separately.
/// </summary>
public sealed class GeneratedFunctionMetadataProviderTests
{
    private static readonly Lazy<ImmutableArray<IFunctionMetadata>> Functions = new(LoadAsync().GetAwaiter().GetResult);

    [Fact]
    public void GeneratedProvider_Functions_AreExactlyTheExpectedOnes()
    {
        var actual = Functions.Value.Select(function => function.Name!).Order(StringComparer.Ordinal);
        var expected = ExpectedFunctions.All.Select(function => function.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void GeneratedProvider_Function_HasExactlyTheExpectedBindingsAndEntryPoint(string name)
    {
        var expected = ExpectedFunctions.Named(name);
        var function = Functions.Value.Single(candidate => candidate.Name == name);
        var bindings = new JsonArray([.. function.RawBindings!.Select(raw => JsonNode.Parse(raw))]);

        Assert.True(
            JsonNode.DeepEquals(expected.Bindings, bindings),
            $"{name} bindings differ.\nExpected: {expected.Bindings.ToJsonString()}\nActual:   {bindings.ToJsonString()}");
        Assert.Equal(expected.EntryPoint, function.EntryPoint);
        Assert.Equal("AlertFunctions.App.dll", function.ScriptFile);
        Assert.Equal("dotnet-isolated", function.Language);
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void GeneratedProvider_Function_HasTheExpectedRetryPolicy(string name)
    {
        var expected = ExpectedFunctions.Named(name).Retry;
        var retry = Functions.Value.Single(candidate => candidate.Name == name).Retry;

        if (expected is null)
        {
            Assert.Null(retry);
            return;
        }

        Assert.NotNull(retry);
        Assert.Equal(expected.MaxRetryCount, retry.MaxRetryCount);
        Assert.Null(retry.DelayInterval);
        Assert.Equal(expected.MinimumInterval, retry.MinimumInterval);
        Assert.Equal(expected.MaximumInterval, retry.MaximumInterval);
    }

    private static async Task<ImmutableArray<IFunctionMetadata>> LoadAsync()
    {
        var providerType = typeof(AlertFunctions.App.Ingestion.IngestFunction).Assembly
            .GetType("AlertFunctions.App.GeneratedFunctionMetadataProvider", throwOnError: true)!;
        var provider = (IFunctionMetadataProvider)Activator.CreateInstance(providerType)!;
        return await provider.GetFunctionMetadataAsync(AppBuildOutput.Directory);
    }
}
