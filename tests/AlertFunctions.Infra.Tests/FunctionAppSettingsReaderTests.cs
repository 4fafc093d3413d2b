using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

public sealed class FunctionAppSettingsReaderTests
{
    [Fact]
    public void Read_LiteralAppSettingsResource_ReturnsItsNamesForEveryPlan()
    {
        var template = Parse("""
            { "resources": [ { "type": "Microsoft.Web/sites/config", "name": "app/appsettings",
                               "properties": { "EventHubName": "withdrawals", "DailySummarySchedule": "0 5 0 * * *" } } ] }
            """);

        var names = FunctionAppSettingsReader.Read(template);

        Assert.Equal(["DailySummarySchedule", "EventHubName"], names.OnEveryPlan.Order(StringComparer.Ordinal));
        Assert.Empty(names.ElasticPremiumOnly);
    }

    [Fact]
    public void Read_ModuleWithSharedParameterAndPremiumVariable_SplitsNamesByPlan()
    {
        var template = Parse("""
            { "resources": [ { "type": "Microsoft.Resources/deployments", "name": "appsettings", "properties": {
                "parameters": { "appSettings": { "value": { "EventHubName": "[parameters('x')]", "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } } },
                "template": {
                  "variables": { "premiumPlatformSettings": { "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated", "WEBSITE_RUN_FROM_PACKAGE": "1" } },
                  "resources": [ { "type": "Microsoft.Web/sites/config", "name": "[format('{0}/{1}', parameters('functionAppName'), 'appsettings')]",
                                   "properties": "[if(equals(parameters('hostingPlan'), 'FlexConsumption'), parameters('appSettings'), union(variables('premiumPlatformSettings'), parameters('appSettings')))]" } ] } } } ] }
            """);

        var names = FunctionAppSettingsReader.Read(template);

        Assert.Equal(["EventHubName", "FUNCTIONS_WORKER_RUNTIME"], names.OnEveryPlan.Order(StringComparer.Ordinal));
        Assert.Equal(["WEBSITE_RUN_FROM_PACKAGE"], names.ElasticPremiumOnly);
    }

    [Fact]
    public void Read_TemplateWithoutAppSettingsResource_ThrowsNamingTheMissingResource()
    {
        var template = Parse("""
            { "resources": [ { "type": "Microsoft.Web/sites/config", "name": "app/web", "properties": { "http20Enabled": true } } ] }
            """);

        var exception = Assert.Throws<InvalidOperationException>(() => FunctionAppSettingsReader.Read(template));

        Assert.Equal("Expected exactly one Microsoft.Web/sites/config 'appsettings' resource in the template, found 0.", exception.Message);
    }

    [Fact]
    public void Read_ExpressionWithoutSharedParameter_ThrowsInsteadOfGuessing()
    {
        var template = Parse("""
            { "resources": [ { "type": "Microsoft.Web/sites/config", "name": "app/appsettings", "properties": "[variables('settings')]" } ] }
            """);

        var exception = Assert.Throws<InvalidOperationException>(() => FunctionAppSettingsReader.Read(template));

        Assert.Equal(
            "The 'appsettings' properties expression [variables('settings')] does not apply parameters('appSettings').",
            exception.Message);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
