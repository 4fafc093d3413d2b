using AlertFunctions.Storage.Configuration;

namespace AlertFunctions.Cli.Tests;

/// <summary>What a replay forwarded with <c>--storage</c> and <c>--teams-webhook</c> left in the alerts table.</summary>
internal static class ForwardedAlerts
{
    /// <summary>Each alert is stored, and its row records a delivery at the alert's own severity.</summary>
    public static async Task AssertEachStoredAndNotifiedAsync(string connectionString, IEnumerable<string> alertIds)
    {
        var stores = AlertStores.Create(new AlertStorageOptions { ConnectionString = connectionString });
        foreach (var id in alertIds)
        {
            var stored = await stores.Alerts.GetAsync(id);
            Assert.NotNull(stored);
            Assert.Equal(stored.Alert.Severity, stored.NotifiedSeverity);
        }
    }
}
