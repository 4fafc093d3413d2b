using AlertFunctions.Testing;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>Reads and rewrites the table endpoint of an Azurite connection string, to route one client through a <see cref="TcpForwarder"/>.</summary>
internal static class StorageEndpoints
{
    public static int TablePort(string connectionString) => new Uri(Parts(connectionString)["TableEndpoint"]).Port;

    public static string WithTablePort(string connectionString, int port)
    {
        var parts = Parts(connectionString);
        var endpoint = new UriBuilder(parts["TableEndpoint"]) { Port = port };
        parts["TableEndpoint"] = endpoint.Uri.ToString().TrimEnd('/');
        return string.Join(";", parts.Select(p => $"{p.Key}={p.Value}")) + ";";
    }

    private static Dictionary<string, string> Parts(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = DevelopmentStorageAccount.ConnectionString(10000, 10001, 10002);
        }

        return connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
    }
}
