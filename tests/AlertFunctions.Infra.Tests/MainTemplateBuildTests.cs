namespace AlertFunctions.Infra.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class MainTemplateBuildTests(CompiledMainTemplate compiled)
{
    [Fact]
    public void BicepBuild_MainTemplate_CompilesWithoutWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        Assert.False(compiled.Build.ReportsWarnings, compiled.Build.Describe());
        Assert.NotEmpty(compiled.Template);
    }
}
