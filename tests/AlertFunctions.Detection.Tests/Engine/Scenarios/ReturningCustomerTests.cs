using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A customer who comes back after the account idle limit (8 days) and the destination memory (7 days) is, to the engine,
/// a new account paying a new address; his old states are made new in place rather than allocated again.
/// </summary>
public sealed class ReturningCustomerTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Hot = Addresses.Evm("hot");

    [Fact]
    public void CustomerBackAfterTheIdleLimits_IsANewAccountAndAllocatesNothing()
    {
        var engine = new DetectionEngine(DetectionRules.Default, Watchlist.Empty, duplicateMemory: 1_024);
        var sink = new AlertChangeRecorder();
        var traffic = new TrafficBuilder(5) { Wallet = Hot, EventsPerHour = 30 }.Between(Day0, Day0.AddDays(10)).ToList();
        // Two withdrawals just under the $10,000 threshold on the first day: the account gets its near-threshold ring.
        var first = new[] { Returning("first-1", Day0.AddHours(9)), Returning("first-2", Day0.AddHours(10)) };
        foreach (var e in traffic.Concat(first).OrderBy(e => e.Timestamp))
        {
            engine.Process(e, sink);
        }

        var accounts = engine.TrackedAccounts;
        var back = Returning("back", traffic[^1].Timestamp.AddMinutes(1));

        var before = GC.GetAllocatedBytesForCurrentThread();
        engine.Process(back, sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(accounts, engine.TrackedAccounts);
        Assert.Empty(sink.Changes);
        // Nothing of the first visit is left: the account's ring names only the withdrawal just made.
        var exported = engine.ExportAll().Single(s => s.Key.Contains("acct-back", StringComparison.Ordinal));
        var account = Assert.IsType<AccountState>(DetectorStateCodec.Decode(exported, DetectionRules.Default));
        Assert.Equal(["back"], account.NearThreshold!.EvidenceWithin(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(w => w.EventId));
    }

    private static WithdrawalEvent Returning(string id, DateTimeOffset time) =>
        EventBuilder.Withdrawal().Id(id).From(Hot).Asset("USDT").Usd(9_500m).Account("acct-back").To(Addresses.Evm("back-address")).At(time).Build();
}
