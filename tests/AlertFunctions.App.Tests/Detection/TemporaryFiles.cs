namespace AlertFunctions.App.Tests.Detection;

/// <summary>A folder of files for one test, deleted afterwards.</summary>
internal sealed class TemporaryFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("detection-options-");

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose() => _folder.Delete(recursive: true);
}
