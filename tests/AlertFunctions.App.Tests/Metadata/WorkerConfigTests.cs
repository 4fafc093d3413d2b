namespace AlertFunctions.App.Tests.Metadata;

/// <summary>worker.config.json tells the host how to start the worker process.</summary>
public sealed class WorkerConfigTests
{
    [Fact]
    public void WorkerConfig_Description_StartsTheAppDllWithDotnetAsAnIsolatedWorker()
    {
        var description = AppBuildOutput.ReadJson("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        Assert.Equal("AlertFunctions.App.dll", (string?)description["defaultWorkerPath"]);
        Assert.Equal("true", (string?)description["workerIndexing"]);
        Assert.Equal([".dll"], description["extensions"]!.AsArray().Select(extension => (string?)extension));
        AppBuildOutput.PathOf((string)description["defaultWorkerPath"]!);
    }
}
