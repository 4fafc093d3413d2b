using AlertFunctions.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>One Azurite for the replay pipeline tests (started on free ports, or AZURITE_CONNECTION_STRING when set).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
