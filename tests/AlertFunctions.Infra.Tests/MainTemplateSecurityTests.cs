using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlertFunctions.Infra.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed partial class MainTemplateSecurityTests(CompiledMainTemplate compiled)
{
    private const string EventHubsDataReceiver = "a638d3c7-ab3a-418d-83e6-5f17a39d4fde";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private JsonObject Template => compiled.Template;

    [Fact]
    public void StorageAccount_Compiled_RequiresTls12HttpsAndIdentityOnlyAccess()
    {
        var properties = Single("Microsoft.Storage/storageAccounts").Properties;

        Assert.Equal("TLS1_2", (string?)properties?["minimumTlsVersion"]);
        Assert.True((bool?)properties?["supportsHttpsTrafficOnly"]);
        Assert.False((bool?)properties?["allowSharedKeyAccess"]);
        Assert.False((bool?)properties?["allowBlobPublicAccess"]);
    }

    [Fact]
    public void StorageAccount_Compiled_HasPrivateDeploymentContainer()
    {
        var container = Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", (string?)container.Properties?["publicAccess"]);
    }

    [Fact]
    public void FunctionApp_Compiled_HasSystemAssignedIdentityAndHttpsOnly()
    {
        var site = Single("Microsoft.Web/sites");

        Assert.Equal("SystemAssigned", (string?)site.Resource["identity"]?["type"]);
        Assert.True((bool?)site.Properties?["httpsOnly"]);
        Assert.Equal("1.2", (string?)site.Properties?["siteConfig"]?["minTlsVersion"]);
    }

    [Fact]
    public void FunctionApp_FlexConsumption_IsDefaultAndRunsDotnetIsolated10FromFunctionAppConfig()
    {
        var hostingPlan = Template["parameters"]?["hostingPlan"];
        var functionAppConfig = (string?)Single("Microsoft.Web/sites").Properties?["functionAppConfig"] ?? string.Empty;

        Assert.Equal("FlexConsumption", (string?)hostingPlan?["defaultValue"]);
        Assert.Equal(["FlexConsumption", "ElasticPremium"], hostingPlan?["allowedValues"]?.AsArray().Select(value => (string?)value));
        Assert.Contains("'runtime', createObject('name', 'dotnet-isolated', 'version', '10.0')", functionAppConfig, StringComparison.Ordinal);
        Assert.Contains("'authentication', createObject('type', 'SystemAssignedIdentity')", functionAppConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_Compiled_GrantEveryRequiredRoleToServicePrincipal()
    {
        var assignments = ArmTemplateResources.OfType(Template, "Microsoft.Authorization/roleAssignments");

        var roleIds = assignments
            .Select(assignment => RoleDefinitionGuid().Match((string?)assignment.Properties?["roleDefinitionId"] ?? string.Empty).Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(
            new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                EventHubsDataReceiver, StorageTableDataContributor, StorageQueueDataContributor, StorageBlobDataOwner, KeyVaultSecretsUser,
            },
            roleIds);
        Assert.All(assignments, assignment => Assert.Equal("ServicePrincipal", (string?)assignment.Properties?["principalType"]));
        Assert.All(assignments, assignment => Assert.StartsWith("[guid(", (string?)assignment.Resource["name"], StringComparison.Ordinal));
    }

    [Fact]
    public void EventHub_Compiled_DefaultsToWithdrawalsHubWithEightPartitions()
    {
        var parameters = Template["parameters"];

        Assert.Equal("withdrawals", (string?)parameters?["eventHubName"]?["defaultValue"]);
        Assert.Equal(8, (int?)parameters?["eventHubPartitionCount"]?["defaultValue"]);
        Assert.Equal("Standard", (string?)Single("Microsoft.EventHub/namespaces").Resource["sku"]?["name"]);
    }

    [Fact]
    public void EventHub_Compiled_HasDedicatedConsumerGroupAndSendOnlyProducerRule()
    {
        var consumerGroup = Single("Microsoft.EventHub/namespaces/eventhubs/consumergroups");
        var producerRule = Single("Microsoft.EventHub/namespaces/eventhubs/authorizationRules");

        Assert.Equal("alert-functions", (string?)Template["parameters"]?["eventHubConsumerGroupName"]?["defaultValue"]);
        Assert.Contains("parameters('consumerGroupName')", (string?)consumerGroup.Resource["name"], StringComparison.Ordinal);
        Assert.Equal("producers-send", (string?)producerRule.DeploymentTemplate?["parameters"]?["producerRuleName"]?["defaultValue"]);
        Assert.Equal(["Send"], producerRule.Properties?["rights"]?.AsArray().Select(right => (string?)right));
        Assert.Empty(ArmTemplateResources.OfType(Template, "Microsoft.EventHub/namespaces/authorizationRules"));
    }

    [Fact]
    public void KeyVault_Compiled_UsesRbacAndSoftDelete()
    {
        var properties = Single("Microsoft.KeyVault/vaults").Properties;

        Assert.True((bool?)properties?["enableRbacAuthorization"]);
        Assert.True((bool?)properties?["enableSoftDelete"]);
    }

    [Fact]
    public void TeamsSecret_Compiled_IsWrittenOnlyWhenWebhookUrlIsProvided()
    {
        var secret = Single("Microsoft.KeyVault/vaults/secrets");

        Assert.Equal("[not(empty(parameters('teamsWebhookUrl')))]", (string?)secret.Resource["condition"]);
        Assert.Equal("securestring", (string?)Template["parameters"]?["teamsWebhookUrl"]?["type"]);
        Assert.Equal("teams-webhook-url", (string?)secret.DeploymentTemplate?["parameters"]?["teamsWebhookSecretName"]?["defaultValue"]);
    }

    [Fact]
    public void ResponderAuth_Compiled_IsEntraEasyAuthThatLetsFunctionKeyCallersThrough()
    {
        var auth = Assert.Single(ArmTemplateResources.OfType(Template, "Microsoft.Web/sites/config"), r => (string?)r.Resource["name"] is { } name && name.Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = auth.Properties;

        Assert.Equal("[not(empty(parameters('responderEntraClientId')))]", (string?)auth.Deployment?["condition"]);
        Assert.False((bool?)properties?["globalValidation"]?["requireAuthentication"]);
        Assert.Equal("AllowAnonymous", (string?)properties?["globalValidation"]?["unauthenticatedClientAction"]);
        Assert.True((bool?)properties?["identityProviders"]?["azureActiveDirectory"]?["enabled"]);
    }

    [Theory]
    [InlineData("eventHubsNamespaceFqdn")]
    [InlineData("eventHubName")]
    [InlineData("functionAppName")]
    [InlineData("storageAccountName")]
    [InlineData("keyVaultName")]
    public void MainTemplate_Compiled_DeclaresOutput(string outputName)
    {
        Assert.Equal("string", (string?)Template["outputs"]?[outputName]?["type"]);
    }

    [Fact]
    public void MainTemplate_Compiled_NeverReadsKeysOrConnectionStringsWithSecrets()
    {
        var text = Template.ToJsonString();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey=", text, StringComparison.OrdinalIgnoreCase);
    }

    private ArmResource Single(string type) => Assert.Single(ArmTemplateResources.OfType(Template, type));

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex RoleDefinitionGuid();
}
