using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Benchmarks.Naive;

/// <summary>
/// The benchmarks' baseline: the seven rules written the obvious way, to show what the engine's incremental state buys.
/// Every event is kept in one list (pruned to the destination memory, 7 days), and on every event each rule is recomputed
/// with LINQ (Where, Sum, Max, GroupBy, Distinct) over the events in its window, with the default thresholds of
/// <see cref="DetectionRules.Default"/>. Work per event grows with the events held (O(window)), where the engine's is O(1).
/// Where exact parity would need the engine's own data structures, it is simplified:
/// <list type="bullet">
/// <item>No alert lifecycle: each event on which a rule holds counts one finding (no episodes, cooldowns, growth, alert
/// objects or summary text). The engine's alert path is rare, so this hardly changes the cost, but the counts differ.</item>
/// <item>Windows are exact time spans, not the engine's 60 (short) and 48 (long) fixed-width buckets.</item>
/// <item>Baselines are plain sums, maxima and means over the wallet/asset's events older than the long window (12 h), warm
/// once they span 12 h and hold 20 events; the engine's decay (half-life 168 h) and provisional baseline are left out.</item>
/// <item>Multi-asset drain recounts, on each drain-like event, which of the platform's wallet/asset pairs active in the last
/// 30 minutes look drained now, instead of remembering which looked drained when; pairs are grouped by exact spelling.</item>
/// <item>No allowed-lateness handling (the benchmark feeds events in time order); duplicates are found by scanning the list.</item>
/// <item>Volume tests weigh every withdrawal: the engine's second check without customers' routine withdrawals to their
/// usual addresses (which can only remove findings) and its crediting of them in the balance test are left out.</item>
/// <item>Wallets whose drain would join the platform's open multi-asset alert still count as findings (no alert lifecycle).</item>
/// <item>The many-small-wallets test counts transfers without an account within the destination's first 30 minutes, not
/// within an hour of the first such transfer, and a dust payment before them does not start the count again.</item>
/// </list>
/// </summary>
internal sealed class NaiveLinqDetector
{
    private const double ShareNotFromLargest = 0.5;
    private const double RefilledWalletFactor = 2;
    private const decimal TakesMostOfBalance = 0.5m;
    private const double OrdinarySizeFactor = 1.5;
    private const decimal DustShare = 0.01m;

    private readonly RuleSet _rules;
    private readonly IReadOnlyDictionary<string, decimal> _prices;
    private readonly TimeSpan _destinationMemory;
    private readonly Watchlist _watchlist;
    private readonly List<NaiveHistoryEntry> _history = [];
    private readonly Dictionary<string, int> _findings = new(StringComparer.Ordinal);

    public NaiveLinqDetector(DetectionRules rules, Watchlist watchlist)
    {
        _rules = rules.ForPlatform("*");
        _prices = rules.ReferencePricesUsd;
        _destinationMemory = rules.DestinationMemory;
        _watchlist = watchlist;
    }

    /// <summary>Findings per rule id.</summary>
    public IReadOnlyDictionary<string, int> Findings => _findings;

    public int TotalFindings => _findings.Values.Sum();

    private TimeSpan ShortWindow => TimeSpan.FromMinutes(_rules.RapidDrain.WindowMinutes);

    private TimeSpan LongWindow => TimeSpan.FromHours(_rules.RapidDrain.LongWindowHours);

    private IEnumerable<NaiveHistoryEntry> Withdrawals => _history.Where(x => !x.Internal);

    public void Process(WithdrawalEvent e)
    {
        var t = e.Timestamp;
        _history.RemoveAll(x => t - x.Event.Timestamp > _destinationMemory);
        if (_history.Any(x => x.Event.EventId == e.EventId && x.Event.Platform == e.Platform))
        {
            return;
        }

        var hit = _watchlist.Entries.FirstOrDefault(w => Same(w.Address, e.DestinationAddress));
        var isInternal = hit is { Category: WatchlistCategory.Internal }
            || Same(e.SourceWallet, e.DestinationAddress)
            || _history.Any(x => x.Event.Platform == e.Platform && Same(x.Event.SourceWallet, e.DestinationAddress));
        var usd = e.AmountUsd ?? (_prices.TryGetValue(e.Asset, out var price) ? e.Amount * price : 0m);
        var earlierToDestination = Withdrawals.Where(x => x.Event.Platform == e.Platform && Same(x.Event.DestinationAddress, e.DestinationAddress)).ToList();
        var keyTransfer = e.PlatformType == PlatformType.Exchange && e.AccountId is null && _history.Any(x => x.Event.Platform == e.Platform && x.Event.AccountId is not null);
        var dustBefore = keyTransfer && earlierToDestination.Count > 0 && usd >= _rules.RapidDrain.MinLegUsd && earlierToDestination.Max(x => x.Usd) <= usd * DustShare;
        var current = new NaiveHistoryEntry(e, usd, ToNewDestination: earlierToDestination.Count == 0 || dustBefore, isInternal) { KeyTransfer = keyTransfer };
        _history.Add(current);
        if (isInternal)
        {
            return;
        }

        var drain = _rules.RapidDrain;
        var paidBeforeTheWindow = earlierToDestination.Count > 0 && e.Timestamp - earlierToDestination.Min(x => x.Event.Timestamp) > LongWindow;
        current.ColdStartLeg = usd >= Math.Max(drain.MinLegUsd, drain.ColdStartMinMeanUsd)
            && (e.PlatformType != PlatformType.Exchange || e.AccountId is null)
            && !(paidBeforeTheWindow && usd <= earlierToDestination.Max(x => x.Usd) * _rules.LargeWithdrawal.KnownDestinationTolerance);
        var destination = earlierToDestination.Append(current).ToList();
        // A destination paid only dust before a leg is first seen at that leg: the drain tests see what came since.
        var sinceFresh = destination.Skip(destination.FindLastIndex(x => x.ToNewDestination)).ToList();
        var wallet = WalletAsset(e.Platform, e.SourceWallet, e.Asset);
        var account = e.AccountId is null
            ? []
            : Withdrawals.Where(x => x.Event.Platform == e.Platform && x.Event.AccountId == e.AccountId).ToList();

        SanctionedDestination(hit);
        MixerUsage(current, hit, account);
        LargeWithdrawal(current, earlierToDestination, wallet);
        RapidDrain(current, wallet, sinceFresh);
        MultiAssetDrain(current, wallet, sinceFresh);
        Structuring(current, account);
        DestinationFanIn(current, destination);
    }

    private void SanctionedDestination(WatchlistEntry? hit)
    {
        if (hit is not null && WatchlistCategory.IsSanctionLike(hit.Category))
        {
            Found(RuleIds.SanctionedDestination);
        }
    }

    private void MixerUsage(NaiveHistoryEntry c, WatchlistEntry? hit, List<NaiveHistoryEntry> account)
    {
        var s = _rules.MixerUsage;
        if (hit is { Category: WatchlistCategory.Mixer })
        {
            Found(RuleIds.MixerUsage);
        }

        if (c.Event.AccountId is null || !c.ToNewDestination || !IsDenomination(c))
        {
            return;
        }

        var window = TimeSpan.FromHours(s.WindowHours);
        var count = account.Count(x => x.ToNewDestination && IsDenomination(x) && c.Event.Timestamp - x.Event.Timestamp <= window);
        if (count >= s.MinDenominationWithdrawals)
        {
            Found(RuleIds.MixerUsage);
        }
    }

    private void LargeWithdrawal(NaiveHistoryEntry c, List<NaiveHistoryEntry> earlierToDestination, List<NaiveHistoryEntry> wallet)
    {
        var s = _rules.LargeWithdrawal;
        if (c.Usd < s.MinUsd)
        {
            return;
        }

        var previousMax = earlierToDestination.Select(x => x.Usd).DefaultIfEmpty(0m).Max();
        if (!c.ToNewDestination && c.Usd <= previousMax * s.KnownDestinationTolerance)
        {
            return;
        }

        var history = History(wallet, c.Event.Timestamp);
        decimal? share = c.Event.BalanceAfter is { } after ? c.Event.Amount / (c.Event.Amount + after) : null;
        // A wallet whose every earlier transfer went to the platform's own wallets (a cold wallet refilling hot ones).
        var earlierFromWallet = _history.Where(x => x != c && x.Event.Platform == c.Event.Platform && Same(x.Event.SourceWallet, c.Event.SourceWallet)).ToList();
        var onlyMovedFundsInternally = c.Event.AccountId is null && earlierFromWallet.Count > 0 && earlierFromWallet.All(x => x.Internal);
        var threshold = IsWarm(history, c.Event.Timestamp)
            ? Math.Max(s.MinUsd, history.Max(x => x.Usd) * (decimal)s.BaselineMultiple)
            : share >= TakesMostOfBalance || onlyMovedFundsInternally ? s.MinUsd : s.ColdStartMinUsd;
        if (c.Usd >= threshold)
        {
            Found(RuleIds.LargeWithdrawal);
        }
    }

    private void RapidDrain(NaiveHistoryEntry c, List<NaiveHistoryEntry> wallet, List<NaiveHistoryEntry> destination)
    {
        var s = _rules.RapidDrain;
        var shortWindow = Assess(wallet, c.Event.Timestamp, ShortWindow);
        var hourLegs = LargeLegsOfTheHour(c, wallet, shortWindow, out var currentIsLarge);
        var firstSeen = destination.Min(x => x.Event.Timestamp);
        // The long window counts large legs to addresses first paid within it (a thief rotating among fresh addresses).
        c.LargeLeg = currentIsLarge && c.Event.Timestamp - firstSeen <= LongWindow;
        JudgeSize(c, wallet, firstSeen);
        if (shortWindow.OutflowUsd >= s.MinUsd)
        {
            var r = shortWindow.WithoutLargest();
            if ((shortWindow.BalanceDrop >= s.BalanceDropFraction && IsNotRefill(shortWindow) && IsNotOrdinary(shortWindow, s.BalanceDropFraction) && IsNotOneWithdrawal(shortWindow, s.BalanceDropFraction))
                || (shortWindow.Warm && shortWindow.VolumeRatio >= s.BaselineMultiple && shortWindow.MeanRatio >= s.MeanSizeMultiple
                    && r.OutflowUsd >= s.MinUsd && r.VolumeRatio >= s.BaselineMultiple && r.MeanRatio >= s.MeanSizeMultiple)
                || (shortWindow.Warm && shortWindow.VolumeRatio >= s.VolumeOnlyMultiple && r.OutflowUsd >= s.MinUsd && r.VolumeRatio >= s.VolumeOnlyMultiple)
                || LargeLegsReachTheBar(hourLegs, shortWindow)
                || (!shortWindow.Warm && shortWindow.OutflowUsd >= s.ColdStartMinUsd && shortWindow.MeanUsd >= s.ColdStartMinMeanUsd
                    && r.OutflowUsd >= s.ColdStartMinUsd && r.MeanUsd >= s.ColdStartMinMeanUsd))
            {
                Found(RuleIds.RapidDrain);
                return;
            }
        }

        var legs = destination.Where(x => x.Usd >= s.MinLegUsd).ToList();
        if (c.Event.Timestamp - firstSeen <= ShortWindow && c.Usd >= s.MinLegUsd && legs.Count >= s.LargeLegsMinCount)
        {
            // Legs into one address first seen within the hour, across the platform's wallets and assets, without the largest.
            var needed = shortWindow.Warm ? Math.Max((double)s.MinUsd, s.LargeLegsVolumeMultiple * shortWindow.ExpectedUsd) : (double)s.ColdStartMinUsd;
            if ((double)(legs.Sum(x => x.Usd) - legs.Max(x => x.Usd)) >= needed)
            {
                Found(RuleIds.RapidDrain);
                return;
            }
        }

        var longWindow = Assess(wallet, c.Event.Timestamp, LongWindow);
        if (longWindow.OutflowUsd >= s.LongMinUsd)
        {
            var r = longWindow.WithoutLargest();
            if ((longWindow.BalanceDrop >= s.LongBalanceDropFraction && IsNotRefill(longWindow) && IsNotOrdinary(longWindow, s.LongBalanceDropFraction) && IsNotOneWithdrawal(longWindow, s.LongBalanceDropFraction))
                || (longWindow.Warm && longWindow.VolumeRatio >= s.LongBaselineMultiple && longWindow.MeanRatio >= s.MeanSizeMultiple
                    && r.OutflowUsd >= s.LongMinUsd && r.VolumeRatio >= s.LongBaselineMultiple && r.MeanRatio >= s.MeanSizeMultiple)
                || LongLargeLegsReachTheBar(wallet, c.Event.Timestamp, longWindow)
                || RareLegsBeyondChance(wallet, c.Event.Timestamp, longWindow)
                || LongColdStartLegsBeyondChance(wallet, c.Event.Timestamp, longWindow))
            {
                Found(RuleIds.RapidDrain);
                return;
            }
        }

        if (c.Event.Timestamp - firstSeen <= LongWindow && c.Usd >= s.MinLegUsd && legs.Count >= s.FreshDestinationMinEvents && legs.Sum(x => x.Usd) >= s.FreshDestinationMinUsd)
        {
            Found(RuleIds.RapidDrain);
        }
    }

    /// <summary>
    /// Withdrawals far above the usual size to never-paid addresses: walked in time order, each judged against the learned
    /// mean raised (up to 3x) to the mean of the window's earlier ordinary withdrawals once there are 30 of them and twice
    /// the learned count (a rush). Also tells whether the current withdrawal, judged last, is that large (wherever it went).
    /// </summary>
    private List<decimal> LargeLegsOfTheHour(NaiveHistoryEntry current, List<NaiveHistoryEntry> wallet, in NaiveWindow a, out bool currentIsLarge)
    {
        currentIsLarge = false;
        var s = _rules.RapidDrain;
        var t = current.Event.Timestamp;
        var inWindow = wallet.Where(x => t - x.Event.Timestamp < ShortWindow).OrderBy(x => x.Event.Timestamp).ToList();
        var legs = new List<decimal>();
        var ordinaryUsd = 0m;
        var ordinaryCount = 0;
        foreach (var x in inWindow)
        {
            if (!a.Warm)
            {
                if (x.Usd >= Math.Max(s.MinLegUsd, s.ColdStartMinMeanUsd))
                {
                    currentIsLarge |= ReferenceEquals(x, current);
                    if (x.ToNewDestination)
                    {
                        legs.Add(x.Usd);
                    }
                }

                continue;
            }

            var rush = ordinaryCount >= 30 && a.ExpectedMeanUsd > 0 && ordinaryCount >= 2 * a.ExpectedUsd / a.ExpectedMeanUsd;
            var usual = rush ? Math.Clamp((double)ordinaryUsd / ordinaryCount, a.ExpectedMeanUsd, 3 * a.ExpectedMeanUsd) : a.ExpectedMeanUsd;
            if ((double)x.Usd < s.LargeLegMeanMultiple * usual)
            {
                ordinaryUsd += x.Usd;
                ordinaryCount++;
            }
            else if (x.Usd >= s.MinLegUsd)
            {
                currentIsLarge |= ReferenceEquals(x, current);
                if (x.ToNewDestination)
                {
                    legs.Add(x.Usd);
                }
            }
        }

        return legs;
    }

    private bool LargeLegsReachTheBar(List<decimal> legs, in NaiveWindow a)
    {
        var s = _rules.RapidDrain;
        var needed = a.Warm ? Math.Max((double)s.MinUsd, s.LargeLegsVolumeMultiple * a.ExpectedUsd) : (double)s.ColdStartMinUsd;
        return legs.Count >= s.LargeLegsMinCount && (double)(legs.Sum() - legs.Max()) >= needed;
    }

    /// <summary>The long window's large legs, each as judged when it arrived, against the floor and as a share of the outflow.</summary>
    private bool LongLargeLegsReachTheBar(List<NaiveHistoryEntry> wallet, DateTimeOffset t, in NaiveWindow a)
    {
        var s = _rules.RapidDrain;
        var legs = wallet.Where(x => x.LargeLeg && t - x.Event.Timestamp < LongWindow).Select(x => x.Usd).ToList();
        if (legs.Count < s.LongLargeLegsMinCount)
        {
            return false;
        }

        var largest = legs.Max();
        var others = a.OutflowUsd - largest;
        var legsUsd = legs.Sum() - largest;
        return legsUsd >= (a.Warm ? s.LongMinUsd : s.LongColdStartMinUsd) && others > 0 && (double)(legsUsd / others) >= s.LongLargeLegsMinShare;
    }

    /// <summary>Judged against the mean of the wallet's history (the engine's rush-raised usual size is left out).</summary>
    private void JudgeSize(NaiveHistoryEntry c, List<NaiveHistoryEntry> wallet, DateTimeOffset firstSeen)
    {
        var s = _rules.RapidDrain;
        var history = History(wallet, c.Event.Timestamp);
        c.Judged = history.Count > 0;
        // As the engine's RareLegs.IsCounted: on an exchange, a customer's withdrawal (it carries an account) is never rare.
        var counted = c.Event.PlatformType != PlatformType.Exchange || c.Event.AccountId is null;
        c.Rare = c.Judged && counted && (double)c.Usd >= s.RareLegMeanMultiple * (double)history.Average(x => x.Usd);
        c.RareLeg = c.Rare && c.Usd >= s.MinLegUsd && c.Event.Timestamp - firstSeen <= LongWindow;
    }

    /// <summary>
    /// The long window's rare legs against the count the history's share of rare withdrawals predicts for the window, with the
    /// exact Poisson tail (the engine uses a bound), once a day and 500 withdrawals of history were judged.
    /// </summary>
    private bool RareLegsBeyondChance(List<NaiveHistoryEntry> wallet, DateTimeOffset t, in NaiveWindow a)
    {
        var s = _rules.RapidDrain;
        var judged = History(wallet, t).Where(x => x.Judged).ToList();
        if (!a.Warm || judged.Count < 500 || t - LongWindow - judged.Min(x => x.Event.Timestamp) < TimeSpan.FromDays(1))
        {
            return false;
        }

        var legs = wallet.Where(x => x.RareLeg && t - x.Event.Timestamp < LongWindow).Select(x => x.Usd).ToList();
        if (legs.Count < s.LongLargeLegsMinCount)
        {
            return false;
        }

        var expected = Math.Max(judged.Count(x => x.Rare) / (double)judged.Count, 0.002) * a.Count;
        var chance = 1 - Enumerable.Range(0, legs.Count).Sum(k => Math.Exp((k * Math.Log(expected)) - expected - Enumerable.Range(1, k).Sum(i => Math.Log(i))));
        var largest = legs.Max();
        var others = a.OutflowUsd - largest;
        var legsUsd = legs.Sum() - largest;
        return chance <= s.RareLegsMaxChance && legsUsd >= s.LongMinUsd && others > 0 && (double)(legsUsd / others) >= s.LongLargeLegsMinShare;
    }

    /// <summary>
    /// With no history, the long window's cold-start legs: at least six, in a window that also holds withdrawals with an
    /// account, beyond a tail of 1 in 100 of those without one at the rare legs' chance (the exact Poisson tail), and
    /// $1,000,000 without the largest.
    /// </summary>
    private bool LongColdStartLegsBeyondChance(List<NaiveHistoryEntry> wallet, DateTimeOffset t, in NaiveWindow a)
    {
        var s = _rules.RapidDrain;
        if (a.Warm || a.ColdStartLegs < s.LongLargeLegsMinCount || a.ColdStartCandidates >= a.Count)
        {
            return false;
        }

        var expected = 0.01 * a.ColdStartCandidates;
        var chance = 1 - Enumerable.Range(0, a.ColdStartLegs).Sum(k => Math.Exp((k * Math.Log(expected)) - expected - Enumerable.Range(1, k).Sum(i => Math.Log(i))));
        var largest = wallet.Where(x => x.ColdStartLeg && t - x.Event.Timestamp < LongWindow).Max(x => x.Usd);
        return chance <= s.RareLegsMaxChance && a.ColdStartLegsUsd - largest >= s.LongMinUsd;
    }

    private void MultiAssetDrain(NaiveHistoryEntry c, List<NaiveHistoryEntry> wallet, List<NaiveHistoryEntry> destination)
    {
        var s = _rules.MultiAssetDrain;
        var t = c.Event.Timestamp;
        var window = TimeSpan.FromMinutes(s.WindowMinutes);
        var shortWindow = Assess(wallet, t, ShortWindow);
        var largeLegToNewAddress = c.ToNewDestination && c.Usd >= s.ColdKeyMinUsd && (!shortWindow.Warm || (double)c.Usd >= s.KeyBaselineMultiple * shortWindow.ExpectedUsd);
        if (IsDrainLike(shortWindow) || largeLegToNewAddress)
        {
            var drained = Withdrawals
                .Where(x => x.Event.Platform == c.Event.Platform && t - x.Event.Timestamp <= window)
                .GroupBy(x => (x.Event.SourceWallet, x.Event.Asset))
                .Select(g => (Pair: g, Window: Assess(WalletAsset(c.Event.Platform, g.Key.SourceWallet, g.Key.Asset), t, ShortWindow)))
                .Where(p => IsDrainLike(p.Window) || p.Pair.Any(x => x.ToNewDestination && x.Usd >= s.ColdKeyMinUsd))
                .ToList();
            if (drained.Count >= s.MinKeys && drained.Sum(p => p.Window.OutflowUsd) >= s.MinUsd)
            {
                Found(RuleIds.MultiAssetDrain);
                return;
            }
        }

        if (t - destination.Min(x => x.Event.Timestamp) > window)
        {
            return;
        }

        var keyTransfers = destination.Where(x => x.KeyTransfer).ToList();
        if (c.KeyTransfer
            && keyTransfers.Select(x => x.Event.SourceWallet).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= s.SameDestinationMinWallets
            && keyTransfers.Sum(x => x.Usd) >= s.SameDestinationMinUsd)
        {
            Found(RuleIds.MultiAssetDrain);
            return;
        }

        if (c.Usd < s.KeyMinUsd)
        {
            return;
        }

        var assets = destination.Select(x => x.Event.Asset).Distinct(StringComparer.Ordinal).Count();
        if (assets >= s.SameDestinationMinAssets && destination.Sum(x => x.Usd) >= s.SameDestinationMinUsd)
        {
            Found(RuleIds.MultiAssetDrain);
        }
    }

    private void Structuring(NaiveHistoryEntry c, List<NaiveHistoryEntry> account)
    {
        var s = _rules.Structuring;
        var floor = s.ThresholdUsd * (1 - s.BandFraction);
        if (c.Event.AccountId is null || c.Usd < floor || c.Usd >= s.ThresholdUsd)
        {
            return;
        }

        var window = TimeSpan.FromHours(s.WindowHours);
        var inWindow = account.Where(x => c.Event.Timestamp - x.Event.Timestamp <= window).ToList();
        var count = inWindow.Count(x => x.Usd >= floor && x.Usd < s.ThresholdUsd);
        if (count >= s.MinCount && (decimal)count / inWindow.Count >= s.MinShare)
        {
            Found(RuleIds.Structuring);
        }
    }

    private void DestinationFanIn(NaiveHistoryEntry c, List<NaiveHistoryEntry> destination)
    {
        var s = _rules.DestinationFanIn;
        if (c.Event.AccountId is null || c.Usd < s.MinUsd || s.SharedAddressChains.Contains(c.Event.Chain, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        if (c.Event.Timestamp - destination.Min(x => x.Event.Timestamp) > TimeSpan.FromHours(s.NewForHours))
        {
            return;
        }

        var window = TimeSpan.FromMinutes(s.WindowMinutes);
        var accounts = destination.Where(x => x.Event.AccountId is not null && x.Usd >= s.MinUsd && c.Event.Timestamp - x.Event.Timestamp <= window)
            .Select(x => x.Event.AccountId).Distinct(StringComparer.Ordinal).Count();
        if (accounts >= s.MinDistinctAccounts)
        {
            Found(RuleIds.DestinationFanIn);
        }
    }

    private List<NaiveHistoryEntry> WalletAsset(string platform, string sourceWallet, string asset) =>
        Withdrawals.Where(x => x.Event.Platform == platform && x.Event.Asset == asset && Same(x.Event.SourceWallet, sourceWallet)).ToList();

    private List<NaiveHistoryEntry> History(List<NaiveHistoryEntry> wallet, DateTimeOffset t) =>
        wallet.Where(x => t - x.Event.Timestamp >= LongWindow).ToList();

    private bool IsWarm(List<NaiveHistoryEntry> history, DateTimeOffset t) =>
        history.Count >= _rules.Baseline.MinEvents
        && t - LongWindow - history.Min(x => x.Event.Timestamp) >= TimeSpan.FromHours(_rules.Baseline.MinHistoryHours);

    private NaiveWindow Assess(List<NaiveHistoryEntry> wallet, DateTimeOffset t, TimeSpan length)
    {
        var inWindow = wallet.Where(x => t - x.Event.Timestamp < length).ToList();
        var outflow = inWindow.Sum(x => x.Usd);
        var largest = inWindow.Select(x => x.Usd).DefaultIfEmpty(0m).Max();
        var first = inWindow.Where(x => x.Event.BalanceAfter is not null).OrderBy(x => x.Event.Timestamp).FirstOrDefault();
        var now = wallet.Where(x => x.Event.BalanceAfter is not null).OrderByDescending(x => x.Event.Timestamp).Select(x => x.Event.BalanceAfter).FirstOrDefault();
        double? drop = null;
        if (first is not null && now is { } balance && first.Event.BalanceAfter!.Value + first.Event.Amount is var before && before > 0)
        {
            drop = Math.Clamp((double)((before - balance) / before), 0, 1);
        }

        var history = History(wallet, t);
        if (!IsWarm(history, t))
        {
            var candidates = inWindow.Count(x => x.Event.PlatformType != PlatformType.Exchange || x.Event.AccountId is null);
            var coldLegs = inWindow.Where(x => x.ColdStartLeg).ToList();
            return new NaiveWindow(outflow, inWindow.Count, largest, drop, Warm: false, 0, 0, coldLegs.Sum(x => x.Usd), coldLegs.Count, candidates);
        }

        var hours = (t - LongWindow - history.Min(x => x.Event.Timestamp)).TotalHours;
        var expected = (double)history.Sum(x => x.Usd) / hours * length.TotalHours;
        return new NaiveWindow(outflow, inWindow.Count, largest, drop, Warm: true, expected, (double)history.Average(x => x.Usd));
    }

    private bool IsDrainLike(in NaiveWindow a)
    {
        var s = _rules.MultiAssetDrain;
        var drain = _rules.RapidDrain;
        if (a.OutflowUsd < s.KeyMinUsd)
        {
            return false;
        }

        if (a.BalanceDrop >= s.KeyBalanceDropFraction && IsNotOrdinary(a, s.KeyBalanceDropFraction))
        {
            return true;
        }

        var r = a.WithoutLargest();
        return a.Warm
            ? a.VolumeRatio >= s.KeyBaselineMultiple && a.MeanRatio >= drain.MeanSizeMultiple && r.OutflowUsd >= s.KeyMinUsd && r.VolumeRatio >= s.KeyBaselineMultiple && r.MeanRatio >= drain.MeanSizeMultiple
            : a.OutflowUsd >= s.ColdKeyMinUsd && a.MeanUsd >= drain.ColdStartMinMeanUsd && r.OutflowUsd >= s.ColdKeyMinUsd && r.MeanUsd >= drain.ColdStartMinMeanUsd;
    }

    // As in the engine: once the baseline is warm a balance drop must also be well above normal outflow (a refilled hot wallet),
    // and a drop explained by one withdrawal is large-withdrawal's question.
    private static bool IsNotRefill(in NaiveWindow a) => !a.Warm || (double)a.OutflowUsd >= RefilledWalletFactor * a.ExpectedUsd;

    private bool IsNotOrdinary(in NaiveWindow a, double fraction) =>
        a.UnexplainedDrop(OrdinarySizeFactor, _rules.RapidDrain.ColdStartMinMeanUsd, _rules.RapidDrain.LargeLegsMinCount) >= fraction / 2;

    private static bool IsNotOneWithdrawal(in NaiveWindow a, double fraction) =>
        a.OutflowUsd > 0 && a.BalanceDrop * (1 - (double)(a.LargestUsd / a.OutflowUsd)) >= fraction * ShareNotFromLargest;

    private bool IsDenomination(NaiveHistoryEntry x) =>
        _rules.MixerUsage.Denominations.TryGetValue(x.Event.Asset, out var sizes) && sizes.Contains(x.Event.Amount);

    private static bool Same(string a, string b) => AddressComparer.Instance.Equals(a, b);

    private void Found(string rule) => _findings[rule] = _findings.GetValueOrDefault(rule) + 1;
}
