using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

/// <summary>Enumerates the resources of a compiled template, descending into the nested templates bicep emits for modules.</summary>
public static class ArmTemplateResources
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    public static IEnumerable<ArmResource> All(JsonObject template) => Enumerate(template, deployment: null);

    public static IReadOnlyList<ArmResource> OfType(JsonObject template, string type) =>
        All(template).Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    private static IEnumerable<ArmResource> Enumerate(JsonObject template, JsonObject? deployment)
    {
        foreach (var resource in ResourcesOf(template))
        {
            yield return new ArmResource(resource, deployment);

            if (string.Equals((string?)resource["type"], DeploymentType, StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Enumerate(nested, resource))
                {
                    yield return inner;
                }
            }
        }
    }

    // Templates in symbolic-name mode (languageVersion 2.0) hold resources in an object keyed by symbolic name.
    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject byName => byName.Select(pair => pair.Value).OfType<JsonObject>(),
        _ => [],
    };
}
