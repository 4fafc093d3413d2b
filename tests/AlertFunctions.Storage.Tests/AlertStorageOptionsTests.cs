using AlertFunctions.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Storage.Tests;

public sealed class AlertStorageOptionsTests
{
    private const string ConnectionString = "UseDevelopmentStorage=true";

    [Fact]
    public void Defaults_EmptyPrefix_GiveContractNames()
    {
        var options = new AlertStorageOptions();

        Assert.Equal("", options.TableNamePrefix);
        Assert.Equal("alerts", options.AlertsTableName);
        Assert.Equal("deadletters", options.DeadLettersTableName);
        Assert.Equal("detectorstate", options.DetectorStateTableName);
        Assert.Equal("summaries", options.SummariesTableName);
        Assert.Equal("dailyvolume", options.DailyVolumeTableName);
        Assert.Equal("alert-notifications", options.NotificationQueueName);
    }

    [Fact]
    public void Names_WithPrefix_ArePrefixedAndQueueIsLowercase()
    {
        var options = new AlertStorageOptions { TableNamePrefix = "Test42" };

        Assert.Equal("Test42alerts", options.AlertsTableName);
        Assert.Equal("test42alert-notifications", options.NotificationQueueName);
    }

    [Fact]
    public void Validate_NeitherConnectionStringNorAccount_FailsWithNeitherMessage()
    {
        var result = Validate(new AlertStorageOptions());

        Assert.Equal(
            ["AlertStorage: set AlertStorage__ConnectionString, or AlertStorage__AccountName for identity-based access; neither is set."],
            result.Failures);
    }

    [Fact]
    public void Validate_WhitespaceOnly_CountsAsNotSet()
    {
        var result = Validate(new AlertStorageOptions { ConnectionString = "  ", AccountName = "" });

        Assert.Equal([AlertStorageOptionsValidator.NeitherMessage], result.Failures);
    }

    [Fact]
    public void Validate_ConnectionStringPastedIntoAccountName_FailsWithoutEchoingTheAccountKey()
    {
        // The setting next door takes a connection string: pasting one here must not put the account key in the start-up log.
        const string pasted = "DefaultEndpointsProtocol=https;AccountName=alertsprod;AccountKey=c2VjcmV0LWFjY291bnQta2V5LWRvLW5vdC1sb2c=;EndpointSuffix=core.windows.net";

        var result = Validate(new AlertStorageOptions { AccountName = pasted });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("AlertStorage__AccountName", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWFjY291bnQta2V5LWRvLW5vdC1sb2c=", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Both_FailsWithBothMessage()
    {
        var result = Validate(new AlertStorageOptions { ConnectionString = ConnectionString, AccountName = "alertsprod" });

        Assert.Equal(
            ["AlertStorage: set only one of AlertStorage__ConnectionString and AlertStorage__AccountName; both are set."],
            result.Failures);
    }

    [Theory]
    [InlineData(ConnectionString, null)]
    [InlineData(null, "alertsprod")]
    public void Validate_ExactlyOne_Succeeds(string? connectionString, string? accountName)
    {
        var result = Validate(new AlertStorageOptions { ConnectionString = connectionString, AccountName = accountName });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Alerts")]
    [InlineData("alerts-prod")]
    [InlineData("a123456789012345678901234")]
    public void Validate_InvalidAccountName_FailsNamingIt(string accountName)
    {
        var result = Validate(new AlertStorageOptions { AccountName = accountName });

        Assert.Equal(
            [$"AlertStorage: AlertStorage__AccountName '{accountName}' is not a storage account name (3-24 lowercase letters and digits)."],
            result.Failures);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("a_b")]
    [InlineData("a12345678901234567890123456789012345678901")]
    public void Validate_InvalidPrefix_FailsNamingIt(string prefix)
    {
        var result = Validate(new AlertStorageOptions { ConnectionString = ConnectionString, TableNamePrefix = prefix });

        Assert.Equal(
            [$"AlertStorage: AlertStorage__TableNamePrefix '{prefix}' is invalid: use at most 40 letters and digits, starting with a letter."],
            result.Failures);
    }

    [Fact]
    public async Task AddAlertStorage_MissingSettings_HostFailsAtStartWithMessage()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal([AlertStorageOptionsValidator.NeitherMessage], ex.Failures);
    }

    [Fact]
    public void AddAlertStorage_AccountName_BuildsIdentityEndpoints()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["AlertStorage:AccountName"] = "alertsprod" });

        var clients = host.Services.GetRequiredService<AlertStorageClients>();

        Assert.Equal(new Uri("https://alertsprod.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://alertsprod.queue.core.windows.net/"), clients.Queues.Uri);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsWithSameMessage()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => AlertStores.Create(new AlertStorageOptions()));

        Assert.Equal(AlertStorageOptionsValidator.NeitherMessage, ex.Message);
    }

    private static ValidateOptionsResult Validate(AlertStorageOptions options) =>
        new AlertStorageOptionsValidator().Validate(Options.DefaultName, options);

    internal static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAlertStorage(builder.Configuration);
        return builder.Build();
    }
}
