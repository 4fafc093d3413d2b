using AlertFunctions.Storage.Configuration;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureReuseTests(AzuriteFixture azurite)
{
    [Fact]
    public void ConnectionString_StartedHere_UsesFreeNonDefaultPorts()
    {
        if (azurite.IsExternal)
        {
            return;
        }

        Assert.Contains("AccountName=devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(":10000/", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(":10001/", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(":10002/", azurite.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ConnectionStringVariableSet_ReusesThatEmulator()
    {
        var previous = Environment.GetEnvironmentVariable(AzuriteFixture.ConnectionStringVariable);
        Environment.SetEnvironmentVariable(AzuriteFixture.ConnectionStringVariable, azurite.ConnectionString);
        var reused = new AzuriteFixture();
        try
        {
            await reused.InitializeAsync();

            Assert.True(reused.IsExternal);
            Assert.Equal(azurite.ConnectionString, reused.ConnectionString);
            var store = AlertStores.Create(new AlertStorageOptions
            {
                ConnectionString = reused.ConnectionString,
                TableNamePrefix = AzuriteFixture.UniqueName("reuse"),
            }).Summaries;
            Assert.Empty(await store.ListByDayAsync(new DateOnly(2025, 1, 1)));
        }
        finally
        {
            await reused.DisposeAsync();
            Environment.SetEnvironmentVariable(AzuriteFixture.ConnectionStringVariable, previous);
        }
    }
}
