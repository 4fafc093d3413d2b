using System.Text.Json.Nodes;

namespace AlertFunctions.App.Tests.Metadata;

/// <summary>What the host must be told about one function: its entry point, its exact bindings and its retry policy.</summary>
internal sealed record ExpectedFunction(string Name, string EntryPoint, string BindingsJson, ExpectedRetry? Retry)
{
    public JsonArray Bindings => JsonNode.Parse(BindingsJson)!.AsArray();
}
