using System.Reflection;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class AccountStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    // What Reuse keeps for the next account on purpose: the rings, out of sight until that account needs one.
    private static readonly string[] SpareRings = ["_spareNearThreshold", "_spareMixerDenominations"];

    [Fact]
    public void Reuse_StateWithEveryFieldSet_LeavesEveryFieldAsANewStateHasItButDirtyAndTheSpareRings()
    {
        // A field added to the state and not cleared by Reuse would carry one customer's history into another's.
        var used = new AccountState("p1", "acct-old") { LastSeen = Start, Dirty = true };
        used.Withdrawals.Add(Start);
        used.NearThresholdRing().Add(Withdrawal("near-1", Start), 9_500m);
        used.MixerDenominationRing().Add(Withdrawal("mixer-1", Start), 3_000m);
        used.StructuringEpisode = Episode(RuleIds.Structuring);
        used.MixerDenominationEpisode = Episode(RuleIds.MixerUsage);
        var fresh = new AccountState("p2", "acct-new") { LastSeen = Start.AddDays(9) };
        Assert.All(Fields().Where(f => !SpareRings.Contains(f.Name)), f => Assert.False(SameValue(f.GetValue(used), f.GetValue(fresh)), $"the test leaves {f.Name} as a new state has it"));
        var (nearThreshold, denominations) = (used.NearThreshold, used.MixerDenominations);

        var reused = used.Reuse("p2", "acct-new", Start.AddDays(9));

        Assert.Same(used, reused);
        Assert.All(Fields().Where(f => f.Name != "<Dirty>k__BackingField" && !SpareRings.Contains(f.Name)), f => Assert.True(SameValue(f.GetValue(reused), f.GetValue(fresh)), $"{f.Name} kept its old value"));
        Assert.True(reused.Dirty);

        // The next account's first ring is the old one, holding nothing of the old account's.
        Assert.Same(nearThreshold, reused.NearThresholdRing());
        Assert.Same(denominations, reused.MixerDenominationRing());
        Assert.Empty(reused.NearThreshold!.EvidenceWithin(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(0, reused.MixerDenominations!.Within(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
    }

    [Fact]
    public void Reuse_AccountThatNeverNeededARing_MakesNoneUntilTheNextAccountDoes()
    {
        var reused = new AccountState("p", "acct-old") { LastSeen = Start }.Reuse("p", "acct-new", Start.AddDays(9));

        Assert.Null(reused.NearThreshold);
        Assert.Equal(AccountState.RingSize, reused.NearThresholdRing().Capacity);
    }

    [Fact]
    public void Reuse_RingOfAnotherSizeRestoredFromAnOlderSnapshot_IsNotHandedOn()
    {
        var used = new AccountState("p", "acct-old") { LastSeen = Start, NearThreshold = new TimeRing(AccountState.RingSize / 2) };

        var reused = used.Reuse("p", "acct-new", Start.AddDays(9));

        Assert.Equal(AccountState.RingSize, reused.NearThresholdRing().Capacity);
    }

    private static WithdrawalEvent Withdrawal(string id, DateTimeOffset time) => EventBuilder.Withdrawal().Id(id).At(time).Build();

    private static AlertEpisode Episode(string rule) => new(
        new Alert
        {
            AlertId = $"{rule}-1", Rule = rule, Severity = Severity.Medium, Platform = "p1", Chain = "ethereum", Asset = "USDT", Subject = "acct-old",
            SubjectType = SubjectType.Account, WindowStart = Start, WindowEnd = Start, EventCount = 1, AmountUsd = 9_500m, TriggerEventId = "near-1",
            EventIds = ["near-1"], Destinations = [], TxHashes = [], Summary = "s", Details = new AlertDetails("m", 1, 1, null, 1), Revision = 1,
        },
        Start,
        TimeSpan.FromHours(24),
        9_500m);

    // The ring of recent times is an inline array, which the runtime will not compare field by field: its written form is compared.
    private static bool SameValue(object? a, object? b) =>
        a is RecentTimes x && b is RecentTimes y ? Written(x).SequenceEqual(Written(y)) : Equals(a, b);

    private static byte[] Written(RecentTimes times)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            times.Write(writer);
        }

        return bytes.ToArray();
    }

    private static IEnumerable<FieldInfo> Fields()
    {
        for (var type = typeof(AccountState); type != typeof(object); type = type.BaseType!)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
