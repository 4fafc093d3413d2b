using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// DeFi pools at default settings: the account is the initiating address, the source wallet the pool. A compromised admin
/// key emptying pools must raise the platform alert early; the protocol's own operations (claim waves, a migration to
/// wallets it lists) must raise nothing.
/// </summary>
public sealed class DefiPoolScenarioTests
{
    private const string Platform = "contoso-defi";
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(3).AddHours(14).AddMinutes(7);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AdminKeyCompromise_SixPoolsEmptiedIntoOneAddress_RaisesMultiAssetDrainAtTheThirdLeg(int seed)
    {
        // Both tokens of six pools, $400,000-$5M each, a minute or two apart, to one new address, without balances.
        var events = Enumerable.Range(0, 6).SelectMany(p => Pool(seed, p, Attack.AddHours(8))).ToList();
        var sizes = new Random(seed);
        var admin = Addresses.Evm("compromised-admin");
        for (var p = 0; p < 6; p++)
        {
            events.Add(Withdrawal($"leg-{p}a", Addresses.Evm($"pool-{p}"), $"LP{p}A", sizes.Next(400, 5_000) * 1_000m, Addresses.Evm("admin-drain"), admin, Attack.AddMinutes(p * 3)));
            events.Add(Withdrawal($"leg-{p}b", Addresses.Evm($"pool-{p}"), $"LP{p}B", sizes.Next(400, 5_000) * 1_000m, Addresses.Evm("admin-drain"), admin, Attack.AddMinutes((p * 3) + 1)));
        }

        var run = ScenarioRun.Of(events);

        var platform = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.WindowEnd >= Attack);
        Assert.Equal("leg-1a", run.Changes.First(c => c.Alert.AlertId == platform.AlertId).Alert.TriggerEventId);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 10)]
    [InlineData(1, 40)]
    [InlineData(3, 40)]
    public void AdminKeyCompromise_SixPoolsEachLegToItsOwnAddress_RaisesMultiAssetDrainWithinFiveLegs(int seed, int eventsPerHour)
    {
        // As above, but each token of each pool to an address of its own: no address collects several assets, and the
        // pools' users have taken up to $2M, so a leg is not 5x the largest routine withdrawal. The admin pays addresses
        // other than his own, where a user withdraws to himself.
        var events = Enumerable.Range(0, 6).SelectMany(p => BridgeTraffic.Of((seed * 10) + p, Platform, Addresses.Evm($"pool-{p}"), [$"LP{p}A", $"LP{p}B"], Day0, Attack.AddHours(8),
            PlatformType.Defi, eventsPerHour: eventsPerHour, maxUsd: 2_000_000)).ToList();
        var sizes = new Random(seed);
        var admin = Addresses.Evm("compromised-admin");
        for (var p = 0; p < 6; p++)
        {
            events.Add(Withdrawal($"leg-{p}a", Addresses.Evm($"pool-{p}"), $"LP{p}A", sizes.Next(400, 5_000) * 1_000m, Addresses.Evm($"admin-drain-{p}a"), admin, Attack.AddMinutes(p * 3)));
            events.Add(Withdrawal($"leg-{p}b", Addresses.Evm($"pool-{p}"), $"LP{p}B", sizes.Next(400, 5_000) * 1_000m, Addresses.Evm($"admin-drain-{p}b"), admin, Attack.AddMinutes((p * 3) + 1)));
        }

        var run = ScenarioRun.Of(events);

        var platform = run.Changes.First(c => c.Alert.Rule == RuleIds.MultiAssetDrain && c.Alert.WindowEnd >= Attack).Alert;
        Assert.True(string.CompareOrdinal(platform.TriggerEventId, "leg-2b") < 0, $"raised at {platform.TriggerEventId}");
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 20)]
    [InlineData(2, 45)]
    public void PoolExploit_LegsSpacedOverHoursOnAnOrdinaryDay_IsCaughtWithinNineLegs(int seed, int minutes)
    {
        // A busy pool (60 withdrawals an hour, a heavy tail) drained in sixteen $900,000 legs, each to an address of its own,
        // 20 or 45 minutes apart: too few in any hour for the hour's tests, so the 12-hour large-leg count must see them.
        // Bounded by the users' learned share of rare withdrawals on an ordinary day as on a busy one, it waited for leg
        // 14-16, or an ordinary withdrawal hours after the last leg.
        var pool = Addresses.Evm("busy-pool");
        var events = BridgeTraffic.Of(seed, Platform, pool, ["LPA"], Day0, Attack.AddHours(14), PlatformType.Defi, eventsPerHour: 60, maxUsd: 2_000_000).ToList();
        for (var i = 0; i < 16; i++)
        {
            events.Add(Withdrawal($"leg-{i:D2}", pool, "LPA", 900_000m, Addresses.Evm($"exploit-{seed}-{i}"), Addresses.Evm("exploiter"), Attack.AddMinutes(i * minutes)));
        }

        var run = ScenarioRun.Of(events);

        var raised = run.Changes.First(c => c.Kind == AlertChangeKind.Raised && c.Alert.WindowEnd >= Attack).Alert;
        Assert.Equal(RuleIds.RapidDrain, raised.Rule);
        Assert.StartsWith("leg-", raised.TriggerEventId, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(raised.TriggerEventId, "leg-09") < 0, $"raised at {raised.TriggerEventId}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AirdropClaimWaves_ThousandsOfSmallClaimsToNewAddresses_RaiseNothing(int seed)
    {
        // Three daily waves of 3,000 claims of $50-$5,000 within two hours, each by its claimant to itself, beside a pool's users.
        var events = Pool(seed, 0, Day0.AddDays(5)).ToList();
        var airdrop = Addresses.Evm("airdrop-distributor");
        var sizes = new Random(seed);
        for (var wave = 0; wave < 3; wave++)
        {
            var start = Day0.AddDays(2 + wave).AddHours(13);
            for (var i = 0; i < 3_000; i++)
            {
                var claimant = Addresses.Evm($"claimant-{seed}-{wave}-{i}");
                events.Add(Withdrawal($"claim-{wave}-{i:D4}", airdrop, "TKN", sizes.Next(50, 5_000), claimant, claimant, start.AddSeconds((i * 2.4) + sizes.NextDouble())));
            }
        }

        var run = ScenarioRun.Of(events);

        Assert.DoesNotContain(run.Alerts, a => a.Subject == airdrop || a.SubjectType != SubjectType.SourceWallet);
    }

    [Fact]
    public void PoolMigration_ToTheProtocolsListedNewPools_RaisesNothing()
    {
        // The protocol moves both tokens of four pools ($8-11M each) to their new versions, listed as its internal wallets.
        var events = Enumerable.Range(0, 4).SelectMany(p => Pool(1, p, Attack)).ToList();
        var multisig = Addresses.Evm("protocol-multisig");
        for (var p = 0; p < 4; p++)
        {
            foreach (var side in new[] { "A", "B" })
            {
                events.Add(Withdrawal($"migrate-{p}{side}", Addresses.Evm($"pool-{p}"), $"LP{p}{side}", 8_000_000m + (p * 1_000_000m), Addresses.Evm($"v2-pool-{p}"), multisig, Attack.AddMinutes(p * 5)));
            }
        }

        var listed = string.Join(",", Enumerable.Range(0, 4).Select(p => $"\"{Addresses.Evm($"v2-pool-{p}")}\""));
        var rules = RulesFileLoader.Parse($$"""{ "platforms": { "{{Platform}}": { "internalWallets": [{{listed}}] } } }""", "test");

        var run = ScenarioRun.Of(events, rules);

        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd >= Attack);
    }

    private static IEnumerable<WithdrawalEvent> Pool(int seed, int pool, DateTimeOffset until) =>
        BridgeTraffic.Of((seed * 10) + pool, Platform, Addresses.Evm($"pool-{pool}"), [$"LP{pool}A", $"LP{pool}B"], Day0, until, PlatformType.Defi, eventsPerHour: 10, maxUsd: 2_000_000);

    private static WithdrawalEvent Withdrawal(string id, string pool, string asset, decimal usd, string to, string initiator, DateTimeOffset at) =>
        EventBuilder.Withdrawal().Id(id).Platform(Platform).From(pool).Asset(asset).Usd(usd).To(to).Account(initiator).At(at).Build() with { PlatformType = PlatformType.Defi };
}
