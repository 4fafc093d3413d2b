using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

public sealed class BicepLintTests
{
    private readonly BicepCli _bicep = BicepCli.Locate();

    [Fact]
    public void BicepLint_MainTemplate_HasNoWarnings()
    {
        var lint = _bicep.Run("lint", RepositoryRoot.InfraFile("main.bicep"));

        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.False(lint.ReportsWarnings, lint.Describe());
    }

    [Fact]
    public void BicepLint_DevParameters_HasNoWarnings()
    {
        var lint = _bicep.Run("lint", RepositoryRoot.InfraFile("main.dev.bicepparam"));

        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.False(lint.ReportsWarnings, lint.Describe());
    }

    [Fact]
    public void BicepBuildParams_DevParameters_CompileForFlexConsumption()
    {
        using var output = new TemporaryDirectory();
        var parametersPath = output.File("main.dev.parameters.json");

        var build = _bicep.Run("build-params", RepositoryRoot.InfraFile("main.dev.bicepparam"), "--outfile", parametersPath);

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.False(build.ReportsWarnings, build.Describe());
        var parameters = JsonNode.Parse(File.ReadAllText(parametersPath))?["parameters"];
        Assert.Equal("alertfn-dev", (string?)parameters?["baseName"]?["value"]);
        Assert.Equal("FlexConsumption", (string?)parameters?["hostingPlan"]?["value"]);
    }
}
