using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace AlertFunctions.App.Tests.Metadata;

/// <summary>The functions.metadata file the Worker SDK wrote into the app's build output.</summary>
public sealed class FunctionsMetadataFileTests
{
    private static readonly JsonArray Functions = AppBuildOutput.ReadJson("functions.metadata").AsArray();

    [Fact]
    public void FunctionsMetadata_Functions_AreExactlyTheExpectedOnes()
    {
        var actual = Functions.Select(function => (string)function!["name"]!).Order(StringComparer.Ordinal);
        var expected = ExpectedFunctions.All.Select(function => function.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void FunctionsMetadata_Function_HasExactlyTheExpectedBindings(string name)
    {
        var expected = ExpectedFunctions.Named(name);
        var bindings = Function(name)["bindings"]!.AsArray();

        var withoutProperties = new JsonArray();
        foreach (var binding in bindings)
        {
            var copy = binding!.DeepClone().AsObject();
            if (copy.Remove("properties", out var properties))
            {
                Assert.True(
                    properties is JsonObject { Count: 0 },
                    $"{name} binding {copy["name"]} has properties {properties?.ToJsonString()}; expected none.");
            }

            withoutProperties.Add(copy);
        }

        Assert.True(
            JsonNode.DeepEquals(expected.Bindings, withoutProperties),
            $"{name} bindings differ.\nExpected: {expected.Bindings.ToJsonString()}\nActual:   {withoutProperties.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void FunctionsMetadata_Function_HasTheExpectedRetryPolicy(string name)
    {
        var expected = ExpectedFunctions.Named(name).Retry;
        var retry = Function(name)["retry"];

        if (expected is null)
        {
            Assert.Null(retry);
            return;
        }

        Assert.NotNull(retry);
        Assert.Equal("exponentialBackoff", (string?)retry["strategy"]);
        Assert.Equal(expected.MaxRetryCount, (int?)retry["maxRetryCount"]);
        Assert.Equal(expected.MinimumInterval, TimeSpan.Parse((string)retry["minimumInterval"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.MaximumInterval, TimeSpan.Parse((string)retry["maximumInterval"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void FunctionsMetadata_Function_RunsOnTheDotnetIsolatedWorker(string name)
    {
        var function = Function(name);

        Assert.Equal("dotnet-isolated", (string?)function["language"]);
        Assert.Equal(ExpectedFunctions.Named(name).EntryPoint, (string?)function["entryPoint"]);
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions.Names), MemberType = typeof(ExpectedFunctions))]
    public void FunctionsMetadata_EntryPoint_IsAPublicMethodOfTheScriptFileCarryingTheFunctionName(string name)
    {
        var function = Function(name);
        var scriptFile = AppBuildOutput.PathOf((string)function["scriptFile"]!);
        var entryPoint = (string)function["entryPoint"]!;
        var typeName = entryPoint[..entryPoint.LastIndexOf('.')];
        var methodName = entryPoint[(entryPoint.LastIndexOf('.') + 1)..];

        var assembly = typeof(AlertFunctions.App.Ingestion.IngestFunction).Assembly;
        Assert.Equal(AssemblyName.GetAssemblyName(scriptFile).FullName, assembly.GetName().FullName);
        var type = assembly.GetType(typeName, throwOnError: false);
        Assert.True(type is { IsPublic: true }, $"{entryPoint}: type {typeName} is missing or not public.");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(method => method.Name == methodName)
            .ToList();
        var method = Assert.Single(methods);
        Assert.Equal(name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
    }

    private static JsonObject Function(string name) =>
        Functions.Single(function => (string?)function!["name"] == name)!.AsObject();
}
