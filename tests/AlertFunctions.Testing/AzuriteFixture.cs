using Xunit;

namespace AlertFunctions.Testing;

/// <summary>
/// One Azurite per test assembly, shared through a collection fixture: each test project declares
/// <c>[CollectionDefinition("azurite")] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// and its tests isolate themselves with <see cref="UniqueName"/> table and queue names.
/// <para>
/// Set the environment variable <c>AZURITE_CONNECTION_STRING</c> to reuse an emulator that is already running (for example
/// <c>UseDevelopmentStorage=true</c> for a developer's own Azurite, or a CI service container); the fixture then starts nothing
/// and stops nothing. Otherwise it starts <c>node_modules/azurite</c> from the repository root (install it with <c>npm ci</c>).
/// </para>
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private AzuriteProcess? _process;
    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The Azurite fixture has not been initialized.");

    /// <summary>True when the fixture reuses an emulator from <c>AZURITE_CONNECTION_STRING</c> instead of starting one.</summary>
    public bool IsExternal { get; private set; }

    public static string UniqueName(string prefix) => UniqueNames.Create(prefix);

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            IsExternal = true;
            _connectionString = external;
            return;
        }

        _process = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), ReadyTimeout, CancellationToken.None).ConfigureAwait(false);
        _connectionString = _process.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
    }
}
