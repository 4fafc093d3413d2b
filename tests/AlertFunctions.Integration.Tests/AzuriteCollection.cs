using AlertFunctions.Testing;

namespace AlertFunctions.Integration.Tests;

/// <summary>
/// One Azurite for the whole assembly; every test isolates itself with a unique table and queue prefix. Set
/// AZURITE_CONNECTION_STRING to use an emulator you already run; otherwise node_modules/azurite is started on free ports.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
