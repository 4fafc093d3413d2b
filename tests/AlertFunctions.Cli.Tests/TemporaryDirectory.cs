namespace AlertFunctions.Cli.Tests;

/// <summary>A fresh folder per test, removed afterwards, so tests never share files.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("alertfunctions-cli-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string contents)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
