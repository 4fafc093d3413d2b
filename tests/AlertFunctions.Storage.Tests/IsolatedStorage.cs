using AlertFunctions.Storage.Configuration;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

/// <summary>Stores over the shared Azurite with a table/queue prefix unique to one test, so tests never see each other's rows.</summary>
internal static class IsolatedStorage
{
    public static AlertStorageOptions Options(AzuriteFixture azurite) => new()
    {
        ConnectionString = azurite.ConnectionString,
        TableNamePrefix = AzuriteFixture.UniqueName("t"),
    };

    public static AlertStores Create(AzuriteFixture azurite) => AlertStores.Create(Options(azurite));
}
