using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>large-withdrawal</c>: one withdrawal far above what this wallet/asset routinely sends — a cold wallet emptied in one
/// transaction. A withdrawal to a destination that already received a comparable amount from the platform is routine. Below
/// the floor, most of a small venue's hot wallet in one withdrawal (<see cref="MostOfASmallWallet"/>).
/// </summary>
internal static class LargeWithdrawalRule
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromHours(1);
    private const decimal TakesMostOfBalance = 0.5m;
    private const decimal TakesAlmostAllOfBalance = 0.9m;

    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        var settings = c.Rules.LargeWithdrawal;
        ref readonly var e = ref c.Event;
        if (!settings.Enabled || c.Usd < Math.Min(settings.MinUsd, settings.MostOfBalanceMinUsd))
        {
            return;
        }

        if (settings.IsRoutineFor(c.DestinationIsNew, c.DestinationPreviousMaxUsd, c.Usd))
        {
            return;
        }

        decimal? balanceShare = e.BalanceAfter is { } after ? e.Amount / (e.Amount + after) : null;
        var w = c.Wallet;
        decimal threshold;
        decimal? baseline = null;
        string basis;
        if (w.IsBaselineWarm && w.Baseline.DecayedMaxUsd > 0)
        {
            baseline = Math.Round((decimal)w.Baseline.DecayedMaxUsd, 2);
            threshold = Math.Max(settings.MinUsd, baseline.Value * (decimal)settings.BaselineMultiple);
            basis = $"{settings.BaselineMultiple}x its largest routine withdrawal of {AlertWording.Usd(baseline.Value)}";
        }
        else if (balanceShare >= TakesMostOfBalance)
        {
            threshold = settings.MinUsd;
            basis = $"the {AlertWording.Usd(settings.MinUsd)} floor for a withdrawal taking over half the balance (no history yet)";
        }
        else if (e.AccountId is null && c.SourceOnlyMovedFundsInternally)
        {
            // A cold wallet refills hot wallets, which are internal transfers, so it never builds a history of withdrawals.
            // A customer's withdrawal (it carries an account) comes from a hot wallet, however that wallet began.
            threshold = settings.MinUsd;
            basis = $"the {AlertWording.Usd(settings.MinUsd)} floor for a wallet that until now only moved funds to the platform's own wallets";
        }
        else
        {
            threshold = settings.ColdStartMinUsd;
            basis = $"the {AlertWording.Usd(settings.ColdStartMinUsd)} floor for a wallet without history";
        }

        if (c.Usd < threshold)
        {
            if (MostOfASmallWallet.Assess(c, balanceShare, baseline) is not { } small)
            {
                return;
            }

            (threshold, basis) = small;
        }

        var severity = c.Usd >= settings.CriticalUsd || balanceShare >= TakesAlmostAllOfBalance ? Severity.Critical : Severity.High;
        var share = balanceShare is { } s ? $", {AlertWording.Percent((double)s)} of the wallet's balance" : string.Empty;
        var summary = $"{e.Platform} wallet {e.SourceWallet} sent {AlertWording.Amount(e.Amount)} {e.Asset} ({AlertWording.Usd(c.Usd)}{share}) to {e.DestinationAddress} in one withdrawal; " +
                      $"threshold {AlertWording.Usd(threshold)}: {basis}.";
        var finding = new Finding(
            RuleIds.LargeWithdrawal, severity, SubjectType.SourceWallet, e.SourceWallet, e.Asset,
            e.Timestamp, 1, c.Usd, e.Amount,
            new AlertDetails("single withdrawal USD", c.Usd, threshold, baseline, baseline is { } b && b > 0 ? Math.Round(c.Usd / b, 2) : Math.Round(c.Usd / threshold, 2)),
            summary, Cooldown);
        FindingReporter.Report(c.Platform.LargeWithdrawalEpisodes, e.SourceWallet, finding, e, c.Usd, sink, minGrowthUsd: 0m);
    }
}
