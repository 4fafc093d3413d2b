using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

/// <summary>
/// Extracts the app-setting names a compiled template sets on the function app, from its single
/// Microsoft.Web/sites/config 'appsettings' resource. That resource either holds a literal object, or (as
/// infra/modules/appsettings.bicep does) an expression over the module parameter <see cref="SharedSettingsParameter"/>,
/// applied on every plan, and the variable <see cref="ElasticPremiumSettingsVariable"/>, added on Elastic Premium.
/// </summary>
public static class FunctionAppSettingsReader
{
    public const string SharedSettingsParameter = "appSettings";
    public const string ElasticPremiumSettingsVariable = "premiumPlatformSettings";

    private const string SiteConfigType = "Microsoft.Web/sites/config";

    public static FunctionAppSettingNames Read(JsonObject template)
    {
        var settingsResources = ArmTemplateResources.OfType(template, SiteConfigType).Where(IsAppSettings).ToList();
        if (settingsResources.Count != 1)
        {
            throw new InvalidOperationException(
                $"Expected exactly one {SiteConfigType} 'appsettings' resource in the template, found {settingsResources.Count}.");
        }

        var settings = settingsResources[0];
        return settings.Resource["properties"] switch
        {
            JsonObject literal => new FunctionAppSettingNames(NamesOf(literal), new HashSet<string>(StringComparer.Ordinal)),
            JsonValue value when value.TryGetValue<string>(out var expression) => FromExpression(settings, expression),
            _ => throw new InvalidOperationException("The 'appsettings' resource has no properties."),
        };
    }

    private static FunctionAppSettingNames FromExpression(ArmResource settings, string expression)
    {
        var sharedReference = $"parameters('{SharedSettingsParameter}')";
        if (!expression.Contains(sharedReference, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The 'appsettings' properties expression {expression} does not apply {sharedReference}.");
        }

        var shared = settings.Deployment?["properties"]?["parameters"]?[SharedSettingsParameter]?["value"] as JsonObject
            ?? throw new InvalidOperationException(
                $"The module deployment does not pass parameter '{SharedSettingsParameter}' as an object literal.");

        var premiumOnly = new HashSet<string>(StringComparer.Ordinal);
        if (expression.Contains($"variables('{ElasticPremiumSettingsVariable}')", StringComparison.Ordinal))
        {
            var premium = settings.DeploymentTemplate?["variables"]?[ElasticPremiumSettingsVariable] as JsonObject
                ?? throw new InvalidOperationException(
                    $"The module template does not declare variable '{ElasticPremiumSettingsVariable}' as an object literal.");
            premiumOnly.UnionWith(NamesOf(premium));
        }

        var onEveryPlan = NamesOf(shared);
        premiumOnly.ExceptWith(onEveryPlan);
        return new FunctionAppSettingNames(onEveryPlan, premiumOnly);
    }

    private static HashSet<string> NamesOf(JsonObject settings) => settings.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

    private static bool IsAppSettings(ArmResource resource)
    {
        var name = (string?)resource.Resource["name"] ?? string.Empty;
        return name.EndsWith("/appsettings", StringComparison.OrdinalIgnoreCase)
            || name.Contains("'appsettings'", StringComparison.OrdinalIgnoreCase);
    }
}
