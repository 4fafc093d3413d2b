using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

/// <summary>
/// One Azurite for the whole assembly. To run against an emulator you already have (your own Azurite, a CI service), set
/// AZURITE_CONNECTION_STRING, e.g. <c>AZURITE_CONNECTION_STRING="UseDevelopmentStorage=true" dotnet test</c>; otherwise the
/// fixture starts node_modules/azurite on free ports (run <c>npm ci</c> at the repository root once).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
