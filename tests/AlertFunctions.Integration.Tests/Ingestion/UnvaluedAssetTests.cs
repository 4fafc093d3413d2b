using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class UnvaluedAssetTests(AzuriteFixture azurite)
{
    private const int UnvaluedEventId = 4214;
    private static readonly DateTimeOffset Start = PipelineEnvironment.DefaultStart.AddHours(-1);

    [Fact]
    public async Task ProcessAsync_EventsWithoutAmountUsdOfAnAssetWithoutReferencePrice_WarnOncePerPlatformAndAsset()
    {
        // A producer that leaves amountUsd out for a token the rules cannot price: every USD threshold sees 0, so the value
        // rules are blind to it. Nothing is rejected (amountUsd is optional); the operator is told, once per pair.
        await using var env = PipelineEnvironment.Create(azurite);
        var batches = new EventHubBatches("2", Start);
        var app = await env.StartInstanceAsync();

        await app.Processor.ProcessAsync(batches.Next([Withdrawal(0, "NEWT"), Withdrawal(1, "NEWT"), Withdrawal(2, "ETH"), Withdrawal(3, "NEWT")]), CancellationToken.None);
        await app.Processor.ProcessAsync(batches.Next([Withdrawal(4, "NEWT"), Withdrawal(5, "ETH")]), CancellationToken.None);

        var warning = Assert.Single(app.Logs.Entries, e => e.EventId.Id == UnvaluedEventId);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(("contoso-exchange", "NEWT", 3), (warning.Value<string>("Platform"), warning.Value<string>("Asset"), warning.Value<int>("EventCount")));
        Assert.Contains("add referencePricesUsd.NEWT to the rules file", warning.Message, StringComparison.Ordinal);
        var day = Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(DateOnly.FromDateTime(Start.UtcDateTime)));
        Assert.Equal((6L, 4L), (day.Withdrawals, day.Unvalued));
    }

    [Fact]
    public async Task ProcessAsync_TheSameAssetOnAnotherPlatform_IsReportedForThatPlatformToo()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var batches = new EventHubBatches("3", Start);
        var app = await env.StartInstanceAsync();

        await app.Processor.ProcessAsync(batches.Next([Withdrawal(0, "NEWT"), Withdrawal(1, "NEWT", "fabrikam-exchange")]), CancellationToken.None);

        var warnings = app.Logs.Entries.Where(e => e.EventId.Id == UnvaluedEventId).Select(e => e.Value<string>("Platform")).Order().ToList();
        Assert.Equal(["contoso-exchange", "fabrikam-exchange"], warnings);
    }

    // ETH has a built-in reference price, so leaving amountUsd out of its events is fine; NEWT has none.
    private static string Withdrawal(int i, string asset, string platform = "contoso-exchange") =>
        WithdrawalJson.Body($"unvalued-{platform}-{i}", platform, WithdrawalJson.Address("hot"), WithdrawalJson.Address($"customer-{i}"), asset, 12m, amountUsd: null, Start.AddMinutes(i));
}
