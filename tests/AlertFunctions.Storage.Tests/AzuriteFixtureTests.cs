using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task StartAsync_NodeModulesMissing_SaysToRunNpmCi()
    {
        var emptyRoot = Directory.CreateTempSubdirectory("no-azurite-").FullName;
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(
                () => AzuriteProcess.StartAsync(emptyRoot, TimeSpan.FromSeconds(5), CancellationToken.None));

            Assert.StartsWith("Azurite is not installed: run `npm ci` at the repository root", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyRoot, recursive: true);
        }
    }

    [Fact]
    public void UniqueName_Twice_DiffersAndIsAValidTableAndQueueName()
    {
        var first = AzuriteFixture.UniqueName("alerts");
        var second = AzuriteFixture.UniqueName("alerts");

        Assert.NotEqual(first, second);
        Assert.Matches("^[a-z][a-z0-9]{2,62}$", first);
    }

    [Fact]
    public void UniqueName_InvalidPrefix_Throws()
    {
        Assert.Throws<ArgumentException>(() => AzuriteFixture.UniqueName("9lives"));
    }

    [Fact]
    public void RepositoryRoot_FromTestOutput_FindsTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Find(), "AlertFunctions.sln")));
    }
}
