using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class DetectorStateCodecTests
{
    private const string Platform = "northwind";
    private const string HotWallet = "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B";
    private const string EthColdWallet = "0xC0ffee254729296a45a3885639AC7E10F9d54979";
    private const string BtcColdWallet = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
    private const string Lazarus = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
    private const string TornadoTenEth = "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF";
    private const string Collector = "0x9999999999999999999999999999999999999999";
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Watchlist DefaultWatchlist = new(WatchlistCsvReader.ReadEmbeddedDefault());

    public static TheoryData<char> Kinds => new() { 'p', 'w', 'd', 'a' };

    [Fact]
    public void ExportAll_AfterDrivingTheEngine_HoldsEveryStateKind()
    {
        var (engine, recorder) = Drive(FirstEvents());

        var kinds = engine.ExportAll().Select(e => (char)e.Payload[1]).ToHashSet();

        Assert.Equal(['a', 'd', 'p', 'w'], kinds.Order());
    }

    [Fact]
    public void Drive_FirstEvents_OpenEpisodesThatTheSnapshotMustCarry()
    {
        var (_, recorder) = Drive(FirstEvents());

        var rules = recorder.Changes.Select(c => c.Alert.Rule).ToHashSet();

        Assert.Superset(
            new HashSet<string> { RuleIds.Structuring, RuleIds.MixerUsage, RuleIds.SanctionedDestination, RuleIds.DestinationFanIn, RuleIds.LargeWithdrawal, RuleIds.MultiAssetDrain },
            rules);
    }

    [Fact]
    public void ExportAll_KeysAreUniqueAndStartWithTheirKind()
    {
        var (engine, _) = Drive(FirstEvents());

        var entries = engine.ExportAll();

        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e => Assert.StartsWith($"{(char)e.Payload[1]}\u001f{Platform}", e.Key, StringComparison.Ordinal));
        Assert.Single(entries, e => e.Key == $"p\u001f{Platform}");
    }

    [Fact]
    public void ExportAll_AddressKeys_AreCanonicalLowerCase()
    {
        var (engine, _) = Drive(FirstEvents());

        var keys = engine.ExportAll().Select(e => e.Key).ToList();

        Assert.Contains($"w\u001f{Platform}\u001f{HotWallet.ToLowerInvariant()}\u001fUSDT", keys);
        Assert.Contains($"d\u001f{Platform}\u001f{Lazarus.ToLowerInvariant()}", keys);
        Assert.Contains($"a\u001f{Platform}\u001facct-s", keys);
        Assert.Contains($"p\u001f{Platform}", keys);
    }

    [Fact]
    public void Import_ThenExportAll_IsByteIdentical()
    {
        var (engine, _) = Drive(FirstEvents());
        var exported = engine.ExportAll();

        var restored = NewEngine();
        restored.Import(exported);

        AssertSameEntries(exported, restored.ExportAll());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Import_OneKind_RoundTripsByteIdentical(char kind)
    {
        var (engine, _) = Drive(FirstEvents());
        var ofKind = engine.ExportAll().Where(e => e.Payload[1] == kind).ToList();
        Assert.NotEmpty(ofKind);

        var restored = NewEngine();
        restored.Import(ofKind);

        AssertSameEntries(ofKind, restored.ExportAll());
    }

    [Fact]
    public void Import_IntoFreshEngine_ContinuesExactlyLikeTheOriginal()
    {
        var (original, originalRecorder) = Drive(FirstEvents());
        var restored = NewEngine();
        restored.Import(original.ExportAll());
        var restoredRecorder = new AlertChangeRecorder();
        originalRecorder.Changes.Clear();

        foreach (var e in LaterEvents())
        {
            original.Process(e, originalRecorder);
            restored.Process(e, restoredRecorder);
        }

        Assert.NotEmpty(originalRecorder.Changes);
        Assert.Equal(Describe(originalRecorder.Changes), Describe(restoredRecorder.Changes));
        AssertSameEntries(original.ExportAll(), restored.ExportAll());
    }

    [Fact]
    public void Import_ReplacesAStateHeldUnderTheSameKey()
    {
        var (engine, _) = Drive(FirstEvents());
        var exported = engine.ExportAll();

        engine.Import(exported);

        AssertSameEntries(exported, engine.ExportAll());
    }

    [Fact]
    public void Import_OtherSnapshotVersion_SkipsThatEntryNamingKeyAndVersionsAndLoadsTheRest()
    {
        var (engine, _) = Drive(FirstEvents());
        var exported = engine.ExportAll();
        var entry = exported[0];
        var version = entry.Payload[0];
        var payload = (byte[])entry.Payload.Clone();
        payload[0] = (byte)(version + 1);
        var restored = NewEngine();

        var unreadable = restored.Import([new DetectorStateEntry(entry.Key, payload), .. exported.Skip(1)]);

        var skipped = Assert.Single(unreadable);
        Assert.Equal(entry.Key, skipped.Key);
        Assert.Equal($"detector state '{entry.Key}' has snapshot version {version + 1}; this engine reads versions 2 to {version}", skipped.Reason);
        AssertSameEntries(exported.Skip(1).ToList(), restored.ExportAll());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Import_OlderAccount_KeepsEverythingItsLayoutHeldAndStartsWhatItLackedEmpty(byte version)
    {
        // Version 3 appended the account's latest withdrawal times; version 4 added which withdrawals its rings hold.
        // acct-s made three near-threshold withdrawals.
        var (engine, _) = Drive(FirstEvents());
        var account = engine.ExportAll().First(e => e.Payload[1] == 'a' && e.Key.Contains("acct-s", StringComparison.Ordinal));
        var older = LegacyStateLayout.Account(account.Payload, version);

        var reexported = ImportAlone(account.Key, older);

        Assert.Equal(12, reexported.Payload[0]);
        Assert.Equal(older, LegacyStateLayout.Account(reexported.Payload, version));
        var state = (AccountState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Empty(state.NearThreshold!.EvidenceWithin(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(3, state.NearThreshold.Within(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
        Assert.Equal(version >= 3 ? 3 : 0, state.Withdrawals.Within(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Import_OlderDestination_KeepsTheAccountsItCountedWithoutTheirWithdrawals(byte version)
    {
        // Version 4 added which withdrawal each counted account made. The fan-in collector was paid by six accounts.
        var (engine, _) = Drive(FirstEvents());
        var destination = engine.ExportAll().First(e => e.Payload[1] == 'd' && e.Key.EndsWith(Collector.ToLowerInvariant(), StringComparison.Ordinal));
        var older = LegacyStateLayout.Destination(destination.Payload, version);

        var reexported = ImportAlone(destination.Key, older);

        Assert.Equal(older, LegacyStateLayout.Destination(reexported.Payload, version));
        var state = (DestinationState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.True(state.DistinctAccounts >= 5, $"{state.DistinctAccounts} accounts");
        Assert.Null(state.FirstAccountWithdrawal.EventId);
    }

    [Fact]
    public void Import_CurrentDestination_NamesEachCountedAccountsWithdrawal()
    {
        var (engine, _) = Drive(FirstEvents());
        var destination = engine.ExportAll().First(e => e.Payload[1] == 'd' && e.Key.EndsWith(Collector.ToLowerInvariant(), StringComparison.Ordinal));

        var state = (DestinationState)DetectorStateCodec.Decode(destination, DetectionRules.Default);

        Assert.NotNull(state.FirstAccountWithdrawal.EventId);
        Assert.All(state.OtherAccountWithdrawals!.Take(state.OtherAccountCount), w => Assert.NotNull(w.EventId));
    }

    [Fact]
    public void Import_CurrentAccount_NamesTheWithdrawalsItsRingsHold()
    {
        var (engine, _) = Drive(FirstEvents());
        var account = engine.ExportAll().First(e => e.Payload[1] == 'a' && e.Key.Contains("acct-s", StringComparison.Ordinal));

        var state = (AccountState)DetectorStateCodec.Decode(account, DetectionRules.Default);

        Assert.Equal(["s-1", "s-2", "s-3"], state.NearThreshold!.EvidenceWithin(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(w => w.EventId));
    }

    [Fact]
    public void Import_Version3Wallet_KeepsEverythingItHeldAndStartsItsEvidenceEmpty()
    {
        // Version 4 appended each window's largest withdrawals (the evidence its alerts name) to the version 3 layout,
        // version 5 the largest large legs after them, version 6 the judged sizes after those, version 7 the cold-start legs.
        var (engine, _) = Drive(FirstEvents());
        var wallet = engine.ExportAll().First(e => e.Payload[1] == 'w' && e.Key.EndsWith("\u001fUSDT", StringComparison.Ordinal));
        var state = (WalletAssetState)DetectorStateCodec.Decode(wallet, DetectionRules.Default);
        Assert.NotEqual(0, state.ShortEvidence.Count);
        var version3 = OlderWallet(wallet, 3, [.. EvidenceBytes(state.ShortEvidence, state.LongEvidence, state.LegEvidence), .. JudgedSizesBytes(state), .. ColdStartLegsBytes(state), .. Version8ColdStartLegsBytes(state), .. Version9RoutineBytes(state), .. Version11UnitsBytes(state)]);

        var reexported = ImportAlone(wallet.Key, version3);

        Assert.Equal([12, .. version3.AsSpan(1), .. new byte[12], .. NoJudgedSizes, .. NoColdStartLegs, .. NoVersion8ColdStartLegs, .. NoVersion9Routine, .. NoVersion11Units], reexported.Payload);
    }

    [Fact]
    public void Import_Version4Wallet_KeepsItsWindowsEvidenceAndStartsItsLargeLegsEmpty()
    {
        var (engine, _) = Drive(FirstEvents());
        var (wallet, state) = engine.ExportAll().Where(e => e.Payload[1] == 'w')
            .Select(e => (Entry: e, State: (WalletAssetState)DetectorStateCodec.Decode(e, DetectionRules.Default)))
            .First(w => w.State.LegEvidence.Count > 0);
        var version4 = OlderWallet(wallet, 4, [.. EvidenceBytes(state.LegEvidence), .. JudgedSizesBytes(state), .. ColdStartLegsBytes(state), .. Version8ColdStartLegsBytes(state), .. Version9RoutineBytes(state), .. Version11UnitsBytes(state)]);

        var reexported = ImportAlone(wallet.Key, version4);

        Assert.Equal([12, .. version4.AsSpan(1), 0, 0, 0, 0, .. NoJudgedSizes, .. NoColdStartLegs, .. NoVersion8ColdStartLegs, .. NoVersion9Routine, .. NoVersion11Units], reexported.Payload);
        var read = (WalletAssetState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Equal(state.ShortEvidence.Since(DateTimeOffset.MinValue), read.ShortEvidence.Since(DateTimeOffset.MinValue));
        Assert.Equal(0, read.LegEvidence.Count);
    }

    [Fact]
    public void Import_Version5Wallet_KeepsItsLargeLegsAndStartsJudgingSizesAfresh()
    {
        var (wallet, state) = HeavyTailedWallet();
        Assert.True(state.Baseline.JudgedEvents > 0 && state.Long.RareLegCount > 0 && state.RareLegEvidence.Count > 0, "the wallet judged sizes and kept rare legs");
        var version5 = OlderWallet(wallet, 5, [.. JudgedSizesBytes(state), .. ColdStartLegsBytes(state), .. Version8ColdStartLegsBytes(state), .. Version9RoutineBytes(state), .. Version11UnitsBytes(state)]);

        var reexported = ImportAlone(wallet.Key, version5);

        Assert.Equal([12, .. version5.AsSpan(1), .. NoJudgedSizes, .. NoColdStartLegs, .. NoVersion8ColdStartLegs, .. NoVersion9Routine, .. NoVersion11Units], reexported.Payload);
        var read = (WalletAssetState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Equal(0, read.Baseline.RareShare);
        Assert.Equal(0, read.Long.RareLegCount);
        Assert.Equal(state.Baseline.MeanEventUsd, read.Baseline.MeanEventUsd);
    }

    [Fact]
    public void Import_Version6Wallet_KeepsItsJudgedSizesAndStartsCountingColdStartLegsAfresh()
    {
        var (wallet, state) = YoungWalletWithColdStartLegs();
        var version6 = OlderWallet(wallet, 6, [.. ColdStartLegsBytes(state), .. Version8ColdStartLegsBytes(state), .. Version9RoutineBytes(state), .. Version11UnitsBytes(state)]);

        var reexported = ImportAlone(wallet.Key, version6);

        Assert.Equal([12, .. version6.AsSpan(1), .. NoColdStartLegs, .. NoVersion8ColdStartLegs, .. NoVersion9Routine, .. NoVersion11Units], reexported.Payload);
        var read = (WalletAssetState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Equal(0, read.Short.ColdStartLegCount);
        Assert.Equal(state.Short.SumUsd, read.Short.SumUsd);
    }

    [Fact]
    public void Import_Version7Wallet_KeepsItsShortWindowsLegsAndStartsTheLongWindowsAfresh()
    {
        // Version 8 appended the long window's cold-start legs and each window's largest leg.
        var (wallet, state) = YoungWalletWithColdStartLegs();
        var version7 = OlderWallet(wallet, 7, [.. Version8ColdStartLegsBytes(state), .. Version9RoutineBytes(state), .. Version11UnitsBytes(state)]);

        var reexported = ImportAlone(wallet.Key, version7);

        Assert.Equal([12, .. version7.AsSpan(1), .. NoVersion8ColdStartLegs, .. NoVersion9Routine, .. NoVersion11Units], reexported.Payload);
        var read = (WalletAssetState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Equal((3, 180_000m), (read.Short.ColdStartLegCount, read.Short.ColdStartLegUsd));
        Assert.Equal((0, 0m), (read.Long.ColdStartLegCount, read.Long.ColdStartLegUsd));
    }

    [Fact]
    public void Import_Version10Wallet_KeepsItsBaselineAndStartsLearningUnitsAfresh()
    {
        // Version 11 appended the outflow learned in asset units (the usual size of a withdrawal nothing values in USD).
        var (wallet, state) = HeavyTailedWallet();
        Assert.True(state.Baseline.UnitEventsLearned > 0 && state.Baseline.MeanEventUnits > 0, "the wallet learned its usual size in units");
        var version10 = OlderWallet(wallet, 10, Version11UnitsBytes(state));

        var reexported = ImportAlone(wallet.Key, version10);

        Assert.Equal([12, .. version10.AsSpan(1), .. NoVersion11Units], reexported.Payload);
        var read = (WalletAssetState)DetectorStateCodec.Decode(reexported, DetectionRules.Default);
        Assert.Equal((0L, 0d), (read.Baseline.UnitEventsLearned, read.Baseline.MeanEventUnits));
        Assert.Equal(state.Baseline.MeanEventUsd, read.Baseline.MeanEventUsd);
    }

    [Fact]
    public void Import_CurrentWallet_KeepsItsLearnedUnits()
    {
        var (wallet, state) = HeavyTailedWallet();

        var read = (WalletAssetState)DetectorStateCodec.Decode(ImportAlone(wallet.Key, wallet.Payload), DetectionRules.Default);

        Assert.Equal(
            (state.Baseline.UnitsPerBucket, state.Baseline.UnitEventsPerBucket, state.Baseline.UnitEventsLearned),
            (read.Baseline.UnitsPerBucket, read.Baseline.UnitEventsPerBucket, read.Baseline.UnitEventsLearned));
    }

    [Fact]
    public void Import_CurrentWallet_KeepsItsColdStartLegs()
    {
        var (wallet, state) = YoungWalletWithColdStartLegs();

        var read = (WalletAssetState)DetectorStateCodec.Decode(ImportAlone(wallet.Key, wallet.Payload), DetectionRules.Default);

        Assert.Equal(3, state.Short.ColdStartLegCount);
        Assert.Equal((state.Short.ColdStartLegCount, state.Short.ColdStartLegUsd), (read.Short.ColdStartLegCount, read.Short.ColdStartLegUsd));
        Assert.Equal((3, 3, 180_000m, 60_000m), (state.Long.ColdStartLegCount, state.Long.ColdStartCandidateCount, state.Long.ColdStartLegUsd, state.Long.LargestColdStartLegUsd()));
        Assert.Equal(
            (state.Long.ColdStartLegCount, state.Long.ColdStartCandidateCount, state.Long.ColdStartLegUsd, state.Long.LargestColdStartLegUsd(), state.Short.LargestColdStartLegUsd()),
            (read.Long.ColdStartLegCount, read.Long.ColdStartCandidateCount, read.Long.ColdStartLegUsd, read.Long.LargestColdStartLegUsd(), read.Short.LargestColdStartLegUsd()));
        Assert.Equal(["young-leg-0", "young-leg-1", "young-leg-2"], read.ColdStartLegEvidence.Since(DateTimeOffset.MinValue).Select(w => w.EventId));
    }

    [Fact]
    public void Import_CurrentWallet_KeepsItsJudgedSizesAndLatestRareLegs()
    {
        var (wallet, state) = HeavyTailedWallet();

        var read = (WalletAssetState)DetectorStateCodec.Decode(ImportAlone(wallet.Key, wallet.Payload), DetectionRules.Default);

        Assert.InRange(read.Long.RareLegCount, 4, int.MaxValue); // at least the four chunks
        Assert.Contains(read.RareLegEvidence.Since(DateTimeOffset.MinValue), w => w.EventId == "chunk-3");
        Assert.Equal(state.Baseline.RareShare, read.Baseline.RareShare);
        Assert.Equal(state.Baseline.JudgedBuckets, read.Baseline.JudgedBuckets);
        Assert.Equal(state.Baseline.JudgedEvents, read.Baseline.JudgedEvents);
        Assert.Equal((state.Long.RareLegCount, state.Long.RareLegUsd, state.Long.LargestRareLegUsd()), (read.Long.RareLegCount, read.Long.RareLegUsd, read.Long.LargestRareLegUsd()));
        Assert.Equal(state.RareLegEvidence.Since(DateTimeOffset.MinValue), read.RareLegEvidence.Since(DateTimeOffset.MinValue));
    }

    [Fact]
    public void Import_CurrentWallet_KeepsItsWindowsRoutineWithdrawals()
    {
        // An institution paid its usual address, then 13 hours later a little more: routine, in both windows.
        var wallet = Address(950);
        WithdrawalEvent[] events =
        [
            EventBuilder.Withdrawal().Id("usual-1").From(wallet).Usd(1_000_000m).Account("inst").To(Address(951)).At(T0),
            EventBuilder.Withdrawal().Id("usual-2").From(wallet).Usd(1_200_000m).Account("inst").To(Address(951)).At(T0.AddHours(13)),
        ];
        var (engine, _) = Drive(events);
        var entry = engine.ExportAll().Single(e => e.Payload[1] == 'w');
        var state = (WalletAssetState)DetectorStateCodec.Decode(entry, DetectionRules.Default);

        var read = (WalletAssetState)DetectorStateCodec.Decode(ImportAlone(entry.Key, entry.Payload), DetectionRules.Default);

        Assert.Equal((1, 1_200_000m, 1, 1_200_000m), (state.Short.RoutineCount, state.Short.RoutineUsd, state.Long.RoutineCount, state.Long.RoutineUsd));
        Assert.Equal(
            (state.Short.RoutineCount, state.Short.RoutineUsd, state.Long.RoutineCount, state.Long.RoutineUsd),
            (read.Short.RoutineCount, read.Short.RoutineUsd, read.Long.RoutineCount, read.Long.RoutineUsd));
    }

    [Fact]
    public void Import_Version4AccountsAndDestinations_AreReadAsTheCurrentLayout()
    {
        // Versions 5 to 7 changed only the wallet layout; version 8 appends the amounts open alerts were announced at, and
        // version 9 when each account a destination counts last sent there.
        var (engine, _) = Drive(FirstEvents());
        var entries = engine.ExportAll().Where(e => e.Payload[1] is (byte)'a' or (byte)'d').ToList();
        Assert.NotEmpty(entries);
        Assert.Contains(entries, e => AnnouncedAmountsBytes(e) > 0);
        Assert.Contains(entries, e => AccountTimesBytes(e) > 0);
        var version4 = entries.Select(e => new DetectorStateEntry(e.Key, [4, .. e.Payload.AsSpan(1, e.Payload.Length - 1 - AnnouncedAmountsBytes(e) - TrailerBytes(e))])).ToList();
        var restored = NewEngine();

        var unreadable = restored.Import(version4);

        Assert.Empty(unreadable);
        var reexported = restored.ExportAll();
        AssertSameEntries(entries.Select(WithoutTrailer).ToList(), reexported.Select(WithoutTrailer).ToList());
        // Before version 9 a destination counted only accounts that sent within fan-in's window of its first sighting:
        // each is taken to have last sent then, so it counts within that window, as before, and not after it.
        Assert.All(reexported.Where(e => e.Payload[1] == 'd').Select(e => (DestinationState)DetectorStateCodec.Decode(e, DetectionRules.Default)), d =>
        {
            Assert.Equal(d.DistinctAccounts, d.AccountsSentSince(d.FirstSeen));
            Assert.Equal(0, d.AccountsSentSince(d.FirstSeen.AddTicks(1)));
        });
    }

    [Fact]
    public void Import_CurrentDestination_KeepsWhenEachAccountLastSent()
    {
        var (engine, _) = Drive(FirstEvents());
        var destination = engine.ExportAll().First(e => e.Payload[1] == 'd' && e.Key.EndsWith(Collector.ToLowerInvariant(), StringComparison.Ordinal));
        var state = (DestinationState)DetectorStateCodec.Decode(destination, DetectionRules.Default);

        var read = (DestinationState)DetectorStateCodec.Decode(ImportAlone(destination.Key, destination.Payload), DetectionRules.Default);

        Assert.True(state.DistinctAccounts >= 5, $"{state.DistinctAccounts} accounts");
        Assert.True(state.AccountsSentSince(state.FirstSeen.AddTicks(1)) > 0, "some account sent after the first sighting");
        Assert.Equal(state.FirstAccountLastSent, read.FirstAccountLastSent);
        Assert.Equal(state.OtherAccountsLastSent!.Take(state.OtherAccountCount), read.OtherAccountsLastSent!.Take(read.OtherAccountCount));
    }

    /// <summary>What version 9 appends to a destination: when each counted account last sent there.</summary>
    private static int AccountTimesBytes(DetectorStateEntry entry) =>
        DetectorStateCodec.Decode(entry, DetectionRules.Default) is DestinationState d ? 8 * d.DistinctAccounts : 0;

    /// <summary>What version 10 appends to a destination: the wallets that sent there without an account while it was new, their USD, and since when.</summary>
    private static int KeyTransferWalletsBytes(DetectorStateEntry entry) =>
        DetectorStateCodec.Decode(entry, DetectionRules.Default) is DestinationState d
            ? 4 + Enumerable.Range(0, d.KeyTransfers?.Count ?? 0).Sum(i => 1 + System.Text.Encoding.UTF8.GetByteCount(d.KeyTransfers![i])) + 16 + 8
            : 0;

    /// <summary>What versions 9 and 10 append after a destination's episodes and announced amounts.</summary>
    private static int TrailerBytes(DetectorStateEntry entry) => AccountTimesBytes(entry) + KeyTransferWalletsBytes(entry);

    private static DetectorStateEntry WithoutTrailer(DetectorStateEntry entry) =>
        new(entry.Key, entry.Payload[..^TrailerBytes(entry)]);

    private static IEnumerable<AlertEpisode> EpisodesOf(TrackedState state)
    {
        AlertEpisode?[] episodes = state switch
        {
            PlatformState p => [p.MultiAssetEpisode, .. p.LargeWithdrawalEpisodes.Values, .. p.RapidDrainEpisodes.Values],
            AccountState a => [a.StructuringEpisode, a.MixerDenominationEpisode],
            DestinationState d => [d.WatchlistEpisode, d.FanInEpisode],
            _ => [],
        };
        return episodes.OfType<AlertEpisode>();
    }

    /// <summary>What version 8 appends to an account or destination: one decimal per open alert.</summary>
    private static int AnnouncedAmountsBytes(DetectorStateEntry entry)
    {
        var state = DetectorStateCodec.Decode(entry, DetectionRules.Default);
        Assert.True(state is AccountState or DestinationState, "an account or a destination");
        return 16 * EpisodesOf(state).Count();
    }

    /// <summary>What a version 6 wallet appends when it has judged nothing: four zero counters, no judged bucket, no rare leg.</summary>
    private static readonly byte[] NoJudgedSizes = new byte[(4 * 8) + 4 + 4];

    /// <summary>What a version 7 wallet appends when its short window holds no cold-start leg: a zero bucket count.</summary>
    private static readonly byte[] NoColdStartLegs = new byte[4];

    /// <summary>What a version 8 wallet appends when it holds no cold-start leg: zero counts for the long window's legs, each window's largest and the latest legs.</summary>
    private static readonly byte[] NoVersion8ColdStartLegs = new byte[16];

    /// <summary>
    /// A current wallet snapshot as an older version wrote it: without what that version lacked, which the current layout
    /// appends last (checked, so the layouts cannot drift apart unnoticed).
    /// </summary>
    private static byte[] OlderWallet(DetectorStateEntry wallet, byte version, byte[] appendedSince)
    {
        Assert.Equal(appendedSince, wallet.Payload[^appendedSince.Length..]);
        return [version, .. wallet.Payload.AsSpan(1, wallet.Payload.Length - 1 - appendedSince.Length)];
    }

    /// <summary>The version 6 section of a wallet: its learned share of rare sizes, its window's judged buckets, its latest rare legs.</summary>
    private static byte[] JudgedSizesBytes(WalletAssetState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(state.Baseline.JudgedPerBucket);
            writer.Write(state.Baseline.RarePerBucket);
            writer.Write(state.Baseline.JudgedBuckets);
            writer.Write(state.Baseline.JudgedEvents);
            state.Long.WriteJudged(writer);
            state.RareLegEvidence.Write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The version 7 section of a wallet: its short window's cold-start legs, bucket by bucket (index, count, USD).</summary>
    private static byte[] ColdStartLegsBytes(WalletAssetState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            state.Short.WriteColdStartLegs(writer);
        }

        return stream.ToArray();
    }

    /// <summary>What version 8 appended to a wallet: the long window's cold-start legs, the short and the long window's largest leg per bucket, the latest legs.</summary>
    /// <summary>What a version 9 wallet appends when its windows hold no routine withdrawal: two zero bucket counts.</summary>
    private static readonly byte[] NoVersion9Routine = new byte[8];

    private static byte[] Version9RoutineBytes(WalletAssetState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            state.Short.WriteRoutine(writer);
            state.Long.WriteRoutine(writer);
        }

        return stream.ToArray();
    }

    /// <summary>What a version 11 wallet appends before it has learned anything in units: two zero doubles and a zero count.</summary>
    private static readonly byte[] NoVersion11Units = new byte[24];

    private static byte[] Version11UnitsBytes(WalletAssetState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(state.Baseline.UnitsPerBucket);
            writer.Write(state.Baseline.UnitEventsPerBucket);
            writer.Write(state.Baseline.UnitEventsLearned);
        }

        return stream.ToArray();
    }

    private static byte[] Version8ColdStartLegsBytes(WalletAssetState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            state.Long.WriteColdStartLegs(writer);
            state.Short.WriteLargestColdStartLegs(writer);
            state.Long.WriteLargestColdStartLegs(writer);
            state.ColdStartLegEvidence.Write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>A wallet in its first hour: ordinary withdrawals, then three of $60,000 without an account to new addresses.</summary>
    private static (DetectorStateEntry Entry, WalletAssetState State) YoungWalletWithColdStartLegs()
    {
        var wallet = Address(901);
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"young-{i}").From(wallet).Usd(2_000m).To(Address(1_000 + i)).Account($"acct-young-{i}").At(T0.AddMinutes(i)).Build());
        }

        for (var i = 0; i < 3; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"young-leg-{i}").From(wallet).Usd(60_000m).To(Address(1_100 + i)).At(T0.AddMinutes(20 + i)).Build());
        }

        var (engine, _) = Drive(events);
        var entry = engine.ExportAll().Single(e => e.Payload[1] == 'w' && e.Key.Contains(wallet, StringComparison.OrdinalIgnoreCase));
        return (entry, (WalletAssetState)DetectorStateCodec.Decode(entry, DetectionRules.Default));
    }

    /// <summary>A bridge wallet two days into heavy-tailed traffic, with chunks of 12x its mean to new addresses: it has judged sizes and kept rare legs.</summary>
    private static (DetectorStateEntry Entry, WalletAssetState State) HeavyTailedWallet()
    {
        var wallet = Address(900);
        var random = new Random(5);
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 1_000; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var usd = Math.Round((decimal)(4_000 * Math.Exp(1.8 * normal)), 2);
            events.Add(Withdrawal($"h-{i:D4}", T0.AddMinutes(3 * i), wallet, "USDC", usd, usd, Address(1_000 + (i % 300))));
        }

        for (var i = 0; i < 4; i++)
        {
            events.Add(Withdrawal($"chunk-{i}", T0.AddMinutes((3 * 1_000) + (20 * i)), wallet, "USDC", 250_000m, 250_000m, Address(5_000 + i)));
        }

        var (engine, _) = Drive(events);
        var entry = engine.ExportAll().Single(e => e.Payload[1] == 'w');
        return (entry, (WalletAssetState)DetectorStateCodec.Decode(entry, DetectionRules.Default));
    }

    /// <summary>Imports one entry into a fresh engine, which must read it, and returns what that engine exports.</summary>
    private static DetectorStateEntry ImportAlone(string key, byte[] payload)
    {
        var restored = NewEngine();

        var unreadable = restored.Import([new DetectorStateEntry(key, payload)]);

        Assert.Empty(unreadable);
        return Assert.Single(restored.ExportAll());
    }

    private static byte[] EvidenceBytes(params WindowEvidence[] evidence)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var e in evidence)
            {
                e.Write(writer);
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void Import_UnknownKind_SkipsThatEntry()
    {
        var (engine, _) = Drive(FirstEvents());
        var entry = engine.ExportAll()[0];
        var payload = (byte[])entry.Payload.Clone();
        payload[1] = (byte)'z';

        var skipped = Assert.Single(NewEngine().Import([new DetectorStateEntry(entry.Key, payload)]));

        Assert.Equal($"detector state '{entry.Key}' has unknown kind 'z'", skipped.Reason);
    }

    [Fact]
    public void Import_EveryTruncationOfEveryEntry_IsSkippedAndTheEngineGoesOnDetecting()
    {
        var (engine, _) = Drive(FirstEvents());
        var exported = engine.ExportAll();
        // A platform snapshot cut exactly before its event-id trailer is one written before the trailer existed: it loads.
        var olderLayouts = exported.Where(e => e.Payload[1] == 'p')
            .Select(e => (e.Key, Length: e.Payload.Length - 4 - (16 * ((PlatformState)DetectorStateCodec.Decode(e, DetectionRules.Default)).RestoredEventIds.Count)))
            .ToHashSet();
        var damaged = exported.SelectMany(e => Enumerable.Range(2, e.Payload.Length - 2)
            .Where(n => !olderLayouts.Contains((e.Key, n)))
            .Select(n => new DetectorStateEntry(e.Key, e.Payload[..n]))).ToList();
        var restored = NewEngine();

        var unreadable = restored.Import(damaged);

        Assert.Equal(damaged.Count, unreadable.Count);
        Assert.Empty(restored.ExportAll());
        var (fresh, freshAlerts) = Drive(FirstEvents());
        var sink = new AlertChangeRecorder();
        foreach (var e in FirstEvents())
        {
            restored.Process(e, sink);
        }

        Assert.Equal(freshAlerts.Changes.Select(c => c.Alert.AlertId), sink.Changes.Select(c => c.Alert.AlertId));
        AssertSameEntries(fresh.ExportAll(), restored.ExportAll());
    }

    [Fact]
    public void ExportChanges_WithTracking_ReturnsOnlyStatesTouchedSinceTheLastCall()
    {
        var engine = new DetectionEngine(DetectionRules.Default, DefaultWatchlist) { TrackChanges = true };
        var sink = new AlertChangeRecorder();
        foreach (var e in FirstEvents())
        {
            engine.Process(e, sink);
        }

        var first = engine.ExportChanges();
        Assert.Equal(engine.ExportAll().Select(e => e.Key).Order(StringComparer.Ordinal), first.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(engine.ExportChanges());

        engine.Process(Withdrawal("later-1", T0.AddHours(2), HotWallet, "USDT", 10m, 10m, "0x1234567890123456789012345678901234567890"), sink);

        var keys = engine.ExportChanges().Select(e => e.Key).ToList();
        Assert.Contains($"w\u001f{Platform}\u001f{HotWallet.ToLowerInvariant()}\u001fUSDT", keys);
        Assert.Contains($"d\u001f{Platform}\u001f0x1234567890123456789012345678901234567890", keys);
        Assert.DoesNotContain($"a\u001f{Platform}\u001facct-s", keys);
    }

    [Fact]
    public void ExportChanges_DestinationPaidAgainAfterItsMemoryInOneBatch_SavesOneEntryForItsKey()
    {
        // A batch whose events span more than the destination memory (a sparse backfill): the destination is new again and
        // its fresh state replaces the old one under the same key. Two entries for one key would fail the save on every retry.
        var engine = new DetectionEngine(DetectionRules.Default, DefaultWatchlist) { TrackChanges = true };
        var sink = new AlertChangeRecorder();
        var destination = "0x1234567890123456789012345678901234567890";
        engine.Process(Withdrawal("early", T0, HotWallet, "USDT", 10m, 10m, destination), sink);
        engine.Process(Withdrawal("late", T0.AddDays(10), HotWallet, "USDT", 10m, 10m, destination), sink);

        var keys = engine.ExportChanges().Select(e => e.Key).ToList();

        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), keys.Count);
        Assert.Contains($"d\u001f{Platform}\u001f{destination}", keys);
    }

    [Fact]
    public void ExportEvictedKeys_StatesDroppedAsIdle_AreReportedOnceAndNotWhenCreatedAgain()
    {
        var engine = new DetectionEngine(DetectionRules.Default, DefaultWatchlist) { TrackChanges = true };
        var sink = new AlertChangeRecorder();
        var idle = "0x00000000000000000000000000000000000000aa";
        engine.Process(Withdrawal("old", T0, HotWallet, "USDT", 10m, 10m, idle), sink);
        engine.ExportChanges();

        // Forty days on, enough new destinations for a sweep of that table: the idle destination (7-day memory) goes.
        var later = T0.AddDays(40);
        for (var i = 0; i < 4_200; i++)
        {
            engine.Process(Withdrawal($"new-{i}", later.AddSeconds(i), "0x00000000000000000000000000000000000000bb", "USDT", 10m, 10m, $"0x1{i:x39}"), sink);
        }

        var evicted = engine.ExportEvictedKeys();

        Assert.Contains($"d\u001f{Platform}\u001f{idle}", evicted);
        Assert.Empty(engine.ExportEvictedKeys());

        engine.Process(Withdrawal("again", later.AddDays(1), HotWallet, "USDT", 10m, 10m, idle), sink);
        engine.Process(Withdrawal("filler", later.AddDays(1).AddSeconds(1), HotWallet, "USDT", 10m, 10m, "0x00000000000000000000000000000000000000cc"), sink);
        Assert.DoesNotContain($"d\u001f{Platform}\u001f{idle}", engine.ExportEvictedKeys());
    }

    [Fact]
    public void ExportChanges_NewDestinationTakingADroppedState_SavesWhatAFreshEngineSavesForIt()
    {
        // Destinations forgotten by a sweep lend their states to new ones: nothing of the old destination may reach the new
        // one's saved state. The old ones had two accounts, assets and a large withdrawal each, so their states were full.
        var engine = new DetectionEngine(DetectionRules.Default, DefaultWatchlist) { TrackChanges = true };
        var sink = new AlertChangeRecorder();
        for (var i = 0; i < 4_200; i++)
        {
            var old = $"0x2{i:x39}";
            engine.Process(Withdrawal($"old-{i}-a", T0.AddSeconds(i), HotWallet, "USDT", 300_000m, 300_000m, old, account: $"acct-{i}"), sink);
            engine.Process(Withdrawal($"old-{i}-b", T0.AddSeconds(i).AddMilliseconds(1), HotWallet, "ETH", 100m, 300_000m, old, account: $"acct-{i + 1}"), sink);
        }

        var later = T0.AddDays(40);
        for (var i = 0; i < 4_200; i++)
        {
            engine.Process(Withdrawal($"new-{i}", later.AddSeconds(i), HotWallet, "USDT", 10m, 10m, $"0x3{i:x39}", account: "acct-new"), sink);
        }

        var probe = Withdrawal("probe", later.AddHours(3), HotWallet, "USDT", 10m, 10m, "0x00000000000000000000000000000000000000dd", account: "acct-probe");
        engine.ExportChanges();
        engine.Process(probe, sink);
        var fresh = new DetectionEngine(DetectionRules.Default, DefaultWatchlist) { TrackChanges = true };
        fresh.Process(probe, new AlertChangeRecorder());

        var key = $"d\u001f{Platform}\u001f{probe.DestinationAddress}";
        Assert.Equal(fresh.ExportChanges().Single(e => e.Key == key).Payload, engine.ExportChanges().Single(e => e.Key == key).Payload);
        Assert.Equal(4_201, engine.TrackedDestinations);
    }

    [Fact]
    public void Process_WalletIdleBeyondItsLimitButNotYetSwept_StartsAfreshAsIfSwept()
    {
        // Whether a sweep has run yet (or a restart brought the state back) must not change what the engine decides: a whale's
        // wallet idle for 31 days has no learned bar any more, so $2,000,000 is under the $5,000,000 cold-start floor.
        var whale = "0xffffffffffffffffffffffffffffffffffffffff";
        var engine = NewEngine();
        var sink = new AlertChangeRecorder();
        for (var i = 0; i < 96; i++)
        {
            engine.Process(Withdrawal($"h-{i}", T0.AddMinutes(30 * i), whale, "USDT", 100_000m, 100_000m, $"0x{i + 1:x40}"), sink);
        }

        engine.Process(Withdrawal("big", T0.AddDays(33), whale, "USDT", 2_000_000m, 2_000_000m, "0x3333333333333333333333333333333333333333"), sink);

        Assert.DoesNotContain(sink.Changes, c => c.Alert.TriggerEventId == "big");
    }

    [Fact]
    public void Import_EventSentAgainAfterARestart_IsStillADuplicate()
    {
        // A producer's retry arriving as a new message after the partition moved: the sequence-number checkpoint cannot
        // see it, so the engine's memory of event ids must survive the snapshot. Counted twice, two near-threshold
        // withdrawals became a structuring alert.
        var first = Withdrawal("w-1", T0, HotWallet, "USDT", 9_500m, 9_500m, Address(1), "acct-7");
        var second = Withdrawal("w-2", T0.AddHours(1), HotWallet, "USDT", 9_600m, 9_600m, Address(2), "acct-7");
        var (original, _) = Drive([first, second]);
        var restored = NewEngine();
        Assert.Empty(restored.Import(original.ExportAll()));
        var sink = new AlertChangeRecorder();

        restored.Process(second, sink);

        Assert.Equal(1, restored.Counters.Duplicates);
        Assert.Empty(sink.Changes);
    }

    [Fact]
    public void ExportAll_KeepsTheAmountEachGrownAlertWasLastAnnouncedAt()
    {
        // Read without it, a grown alert would count as announced at its current amount, and escalate later after a restart
        // than without one. The later events grow several of the first events' alerts.
        var (engine, _) = Drive(FirstEvents().Concat(LaterEvents()));

        var episodes = engine.ExportAll().SelectMany(e => EpisodesOf(DetectorStateCodec.Decode(e, DetectionRules.Default))).ToList();

        Assert.Contains(episodes, e => e.AnnouncedUsd < e.Alert.AmountUsd);
        Assert.All(episodes, e => Assert.InRange(e.AnnouncedUsd, 0.01m, e.Alert.AmountUsd));
    }

    [Fact]
    public void Import_AnnouncedAboveTheAlertsAmount_IsRefused()
    {
        var (engine, _) = Drive(FirstEvents());
        var entry = engine.ExportAll().First(e => e.Payload[1] is (byte)'a' or (byte)'d' && AnnouncedAmountsBytes(e) > 0);
        var episode = EpisodesOf(DetectorStateCodec.Decode(entry, DetectionRules.Default)).Last();
        var announcedAt = entry.Payload.Length - TrailerBytes(entry) - 16;
        using var damaged = new MemoryStream();
        damaged.Write(entry.Payload.AsSpan(0, announcedAt));
        using (var writer = new BinaryWriter(damaged, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(episode.Alert.AmountUsd + 1);
        }

        damaged.Write(entry.Payload.AsSpan(announcedAt + 16));

        var skipped = Assert.Single(NewEngine().Import([new DetectorStateEntry(entry.Key, damaged.ToArray())]));

        Assert.Contains($"alert {episode.Alert.AlertId} was announced at {episode.Alert.AmountUsd + 1} USD", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PlatformWithAlertsInABurst_KeepsWhereEachBurstBegan()
    {
        // Read without it, an alert in a burst after a restart would need to double again before a second incident is told.
        var (entry, state) = PlatformWithAlerts();
        var episodes = EpisodesOf(state).ToList();
        Assert.NotEmpty(episodes);
        for (var i = 0; i < episodes.Count; i++)
        {
            episodes[i].BurstBaseUsd = i % 2 == 0 ? episodes[i].Alert.AmountUsd / 3 : 0m;
        }

        var read = (PlatformState)DetectorStateCodec.Decode(new DetectorStateEntry(entry.Key, DetectorStateCodec.Encode(state)), DetectionRules.Default);

        Assert.Equal(episodes.Select(e => e.BurstBaseUsd), EpisodesOf(read).Select(e => e.BurstBaseUsd));
    }

    [Fact]
    public void Decode_BurstBaseAboveTheAlertsAmount_IsRefused()
    {
        var (entry, state) = PlatformWithAlerts();
        var episode = EpisodesOf(state).First();
        episode.BurstBaseUsd = episode.Alert.AmountUsd + 1;

        var error = Assert.Throws<InvalidDataException>(() => DetectorStateCodec.Decode(new DetectorStateEntry(entry.Key, DetectorStateCodec.Encode(state)), DetectionRules.Default));

        Assert.Contains($"alert {episode.Alert.AlertId} began its burst at {episode.Alert.AmountUsd + 1} USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PlatformSnapshotWithoutEventIds_LoadsAsBefore()
    {
        // Snapshots written before the event-id trailer (version 7 or older) end after the episodes: they load, remembering
        // no ids. Version 8 appends, after the ids, the amount each open alert was announced at and a byte per own wallet
        // (where it has sent funds).
        var (engine, _) = Drive(FirstEvents());
        var platform = engine.ExportAll().Single(e => e.Payload[1] == 'p');
        var state = (PlatformState)DetectorStateCodec.Decode(platform, DetectionRules.Default);
        var episodes = (state.MultiAssetEpisode is null ? 0 : 1) + state.LargeWithdrawalEpisodes.Count + state.RapidDrainEpisodes.Count;
        // Version 11 appends a flag per drained pair (no withdrawal nothing valued counted any of these), version 12 where
        // each open alert's burst of growth began.
        var drainedPairs = state.DrainingKeys.Count(k => k.Wallet is not null);
        Assert.All(state.DrainingKeys, k => Assert.Null(k.Leg));
        byte[] older = [7, .. platform.Payload.AsSpan(1, platform.Payload.Length - 1 - 4 - (16 * state.RestoredEventIds.Count) - (16 * episodes) - state.OwnWallets.Count - 1 - drainedPairs - (16 * episodes))];

        var restored = NewEngine();
        Assert.Empty(restored.Import([new DetectorStateEntry(platform.Key, older)]));
        var sink = new AlertChangeRecorder();
        restored.Process(FirstEvents().First(), sink);

        Assert.NotEmpty(state.RestoredEventIds);
        Assert.Equal(0, restored.Counters.Duplicates);
    }

    private static DetectionEngine NewEngine() => new(DetectionRules.Default, DefaultWatchlist);

    /// <summary>The platform entry, and its state, after events that leave it open alerts.</summary>
    private static (DetectorStateEntry Entry, PlatformState State) PlatformWithAlerts()
    {
        var (engine, _) = Drive(FirstEvents().Concat(LaterEvents()));
        var entry = engine.ExportAll().Single(e => e.Payload[1] == 'p');
        return (entry, (PlatformState)DetectorStateCodec.Decode(entry, DetectionRules.Default));
    }

    private static (DetectionEngine Engine, AlertChangeRecorder Recorder) Drive(IEnumerable<WithdrawalEvent> events)
    {
        var engine = NewEngine();
        var recorder = new AlertChangeRecorder();
        foreach (var e in events)
        {
            engine.Process(e, recorder);
        }

        return (engine, recorder);
    }

    private static IEnumerable<WithdrawalEvent> FirstEvents()
    {
        // Structuring: one account just under the 10,000 USD threshold, three times.
        yield return Withdrawal("s-1", T0, HotWallet, "USDT", 9_500m, 9_500m, Address(1), "acct-s", balanceAfter: 5_000_000m);
        yield return Withdrawal("s-2", T0.AddMinutes(10), HotWallet, "USDT", 9_600m, 9_600m, Address(2), "acct-s", balanceAfter: 4_990_400m);
        yield return Withdrawal("s-3", T0.AddMinutes(20), HotWallet, "USDT", 9_700m, 9_700m, Address(3), "acct-s");

        // Exact mixer denominations to new addresses.
        yield return Withdrawal("m-1", T0.AddMinutes(30), HotWallet, "ETH", 1m, 3_000m, Address(4), "acct-m");
        yield return Withdrawal("m-2", T0.AddMinutes(31), HotWallet, "ETH", 1m, 3_000m, Address(5), "acct-m");
        yield return Withdrawal("m-3", T0.AddMinutes(32), HotWallet, "ETH", 1m, 3_000m, Address(6), "acct-m");

        // Watchlisted destinations: a sanctioned address and a mixer pool.
        yield return Withdrawal("x-1", T0.AddMinutes(33), HotWallet, "ETH", 0.5m, 1_500m, Lazarus, "acct-x");
        yield return Withdrawal("x-2", T0.AddMinutes(34), HotWallet, "ETH", 10m, 30_000m, TornadoTenEth, "acct-y");

        // Fan-in: five accounts pay one new destination within the hour.
        for (var i = 1; i <= 5; i++)
        {
            yield return Withdrawal($"f-{i}", T0.AddMinutes(39 + i), HotWallet, "USDT", 2_000m, 2_000m, Collector, $"acct-f{i}");
        }

        // Cold wallets emptied into one new address (no amountUsd: valued from reference prices).
        yield return Withdrawal("c-1", T0.AddMinutes(50), BtcColdWallet, "BTC", 70m, null, Address(9), balanceAfter: 5m, chain: "bitcoin");
        yield return Withdrawal("c-2", T0.AddMinutes(52), EthColdWallet, "ETH", 1_000m, null, Address(9), balanceAfter: 10m);
        yield return Withdrawal("c-3", T0.AddMinutes(54), HotWallet, "USDT", 2_000_000m, 2_000_000m, Address(9), balanceAfter: 100m);

        // A transfer to one of the platform's own wallets is rebalancing.
        yield return Withdrawal("i-1", T0.AddMinutes(56), HotWallet, "ETH", 5m, 15_000m, EthColdWallet);

        // A duplicate is dropped.
        yield return Withdrawal("s-1", T0, HotWallet, "USDT", 9_500m, 9_500m, Address(1), "acct-s");
    }

    private static IEnumerable<WithdrawalEvent> LaterEvents()
    {
        yield return Withdrawal("l-1", T0.AddMinutes(60), HotWallet, "USDT", 9_800m, 9_800m, Address(10), "acct-s");
        yield return Withdrawal("l-2", T0.AddMinutes(61), HotWallet, "ETH", 1m, 3_000m, Address(11), "acct-m");
        yield return Withdrawal("l-3", T0.AddMinutes(62), HotWallet, "USDT", 2_000m, 2_000m, Collector, "acct-f6");
        yield return Withdrawal("l-4", T0.AddMinutes(63), BtcColdWallet, "BTC", 4m, null, Address(12), balanceAfter: 1m, chain: "bitcoin");
        yield return Withdrawal("l-5", T0.AddMinutes(64), HotWallet, "ETH", 0.2m, 600m, Lazarus, "acct-x");
        yield return Withdrawal("l-6", T0.AddMinutes(65), "0x5555555555555555555555555555555555555555", "DAI", 100m, 100m, Address(13), "acct-new");
        yield return Withdrawal("l-7", T0.AddHours(30), HotWallet, "USDT", 9_900m, 9_900m, Address(14), "acct-s");
        yield return Withdrawal("l-8", T0.AddHours(30).AddMinutes(1), EthColdWallet, "ETH", 2m, null, Address(9), balanceAfter: 8m);
    }

    private static WithdrawalEvent Withdrawal(
        string id,
        DateTimeOffset time,
        string wallet,
        string asset,
        decimal amount,
        decimal? usd,
        string destination,
        string? account = null,
        decimal? balanceAfter = null,
        string chain = "ethereum") => new()
        {
            EventId = id,
            Platform = Platform,
            Chain = chain,
            Asset = asset,
            Amount = amount,
            AmountUsd = usd,
            SourceWallet = wallet,
            BalanceAfter = balanceAfter,
            AccountId = account,
            DestinationAddress = destination,
            TxHash = TxHashOf(id),
            Timestamp = time,
        };

    // Both ways a hash is kept (see TransactionHash): the usual spelling as bytes, any other as its string.
    private static string TxHashOf(string id) => id.Length % 2 == 0
        ? $"0x{id}"
        : "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Address(int n) => $"0x{n:x40}";

    private static List<string> Describe(List<AlertChange> changes) =>
        changes.Select(c => $"{c.Kind} {JsonSerializer.Serialize(c.Alert, AlertJsonContext.Default.Alert)}").ToList();

    private static void AssertSameEntries(IReadOnlyList<DetectorStateEntry> expected, IReadOnlyList<DetectorStateEntry> actual)
    {
        Assert.Equal(expected.Select(e => e.Key), actual.Select(e => e.Key));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Payload.AsSpan().SequenceEqual(actual[i].Payload), $"payload of '{expected[i].Key}' differs after the round trip");
        }
    }
}
