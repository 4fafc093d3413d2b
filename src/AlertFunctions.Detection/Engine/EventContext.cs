using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>Everything the rules need about one accepted event, gathered once by the engine. A ref struct: never allocated.</summary>
internal readonly ref struct EventContext
{
    public EventContext(
        ref readonly WithdrawalEvent e,
        decimal usd,
        PlatformState platform,
        WalletAssetState wallet,
        DestinationState destination,
        bool destinationIsNew,
        bool destinationFirstPaidInLongWindow,
        decimal destinationPreviousMaxUsd,
        AccountState? account,
        WatchlistEntry? watchlistHit,
        bool inWindows,
        in DrainAssessment shortWindow,
        bool sourceOnlyMovedFundsInternally,
        bool sourcePaysOutLikeAColdWallet,
        decimal? previousBalance)
    {
        _event = ref e;
        Usd = usd;
        Platform = platform;
        Wallet = wallet;
        Destination = destination;
        DestinationIsNew = destinationIsNew;
        DestinationFirstPaidInLongWindow = destinationFirstPaidInLongWindow;
        DestinationPreviousMaxUsd = destinationPreviousMaxUsd;
        Account = account;
        WatchlistHit = watchlistHit;
        InWindows = inWindows;
        ShortWindow = shortWindow;
        SourceOnlyMovedFundsInternally = sourceOnlyMovedFundsInternally;
        SourcePaysOutLikeAColdWallet = sourcePaysOutLikeAColdWallet;
        PreviousBalance = previousBalance;
    }

    private readonly ref readonly WithdrawalEvent _event;

    public ref readonly WithdrawalEvent Event => ref _event;

    /// <summary>The event's USD value: the producer's, else amount × reference price, else 0.</summary>
    public decimal Usd { get; }

    public RuleSet Rules => Wallet.Rules;

    public PlatformState Platform { get; }

    public WalletAssetState Wallet { get; }

    public DestinationState Destination { get; }

    /// <summary>True when this platform had not sent to the destination within the destination memory before this event.</summary>
    public bool DestinationIsNew { get; }

    /// <summary>
    /// The destination was first paid within the wallet's long window: a leg to it still counts as one to a new address over
    /// hours (a thief rotating among a few fresh addresses), where a customer's usual address does not.
    /// </summary>
    public bool DestinationFirstPaidInLongWindow { get; }

    /// <summary>The largest USD amount the destination had received from this platform before this event.</summary>
    public decimal DestinationPreviousMaxUsd { get; }

    public AccountState? Account { get; }

    public WatchlistEntry? WatchlistHit { get; }

    /// <summary>False for a late event: it was not added to the windows, so window rules skip it.</summary>
    public bool InWindows { get; }

    /// <summary>The wallet/asset's short window after this event, assessed once for all rules; default when not <see cref="InWindows"/>.</summary>
    public DrainAssessment ShortWindow { get; }

    /// <summary>Before this withdrawal, the source wallet had only moved funds to the platform's own wallets (see <see cref="RecentWallets.OnlyInternally"/>).</summary>
    public bool SourceOnlyMovedFundsInternally { get; }

    /// <summary>The source wallet only moved funds internally until a transfer without an account took funds outside (see <see cref="RecentWallets.PaysOutLikeAColdWallet"/>).</summary>
    public bool SourcePaysOutLikeAColdWallet { get; }

    /// <summary>
    /// The wallet/asset's newest reported balance at or before this withdrawal's time; null when none was reported (or only
    /// later ones, for an event that arrived late). Below what this withdrawal reports it held (its amount plus
    /// <c>balanceAfter</c>), the wallet was refilled just before it.
    /// </summary>
    public decimal? PreviousBalance { get; }
}
