using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

/// <summary>A resource of a compiled template, with the module deployment whose nested template declares it (null at the top level).</summary>
public sealed record ArmResource(JsonObject Resource, JsonObject? Deployment)
{
    public string Type => (string?)Resource["type"] ?? string.Empty;

    public JsonObject? Properties => Resource["properties"] as JsonObject;

    /// <summary>The nested template of the declaring module deployment.</summary>
    public JsonObject? DeploymentTemplate => Deployment?["properties"]?["template"] as JsonObject;
}
