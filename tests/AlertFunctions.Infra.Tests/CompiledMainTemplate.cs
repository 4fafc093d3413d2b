using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

/// <summary>Compiles infra/main.bicep once and shares the ARM JSON with every test in the collection.</summary>
public sealed class CompiledMainTemplate : IDisposable
{
    private readonly TemporaryDirectory _output = new();
    private readonly Lazy<JsonObject> _template;

    public CompiledMainTemplate()
    {
        var templatePath = _output.File("main.json");
        Build = BicepCli.Locate().Run("build", RepositoryRoot.InfraFile("main.bicep"), "--outfile", templatePath);
        _template = new Lazy<JsonObject>(() => Parse(templatePath));
    }

    internal BicepRun Build { get; }

    /// <summary>The compiled template; fails the calling test with bicep's own output when the build failed.</summary>
    public JsonObject Template => _template.Value;

    public void Dispose() => _output.Dispose();

    private JsonObject Parse(string templatePath)
    {
        if (Build.ExitCode != 0 || !File.Exists(templatePath))
        {
            throw new InvalidOperationException($"main.bicep did not compile. {Build.Describe()}");
        }

        return JsonNode.Parse(File.ReadAllText(templatePath))?.AsObject()
            ?? throw new InvalidOperationException($"{templatePath} is empty.");
    }
}
