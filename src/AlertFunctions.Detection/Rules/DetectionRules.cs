using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// The rules in force: engine-wide settings plus a <see cref="RuleSet"/> per platform and asset, resolved in this order
/// (later wins): built-in defaults, the file's <c>defaults</c>, <c>assets.{ASSET}</c>, <c>platforms.{id}.rules</c>,
/// <c>platforms.{id}.assets.{ASSET}</c>. Every combination the file names is validated when the file is loaded, so an
/// invalid value stops start-up instead of surfacing on the first matching event. Thread-safe; resolved sets are cached.
/// </summary>
public sealed class DetectionRules
{
    private const string AnyAsset = "*";
    private static readonly HashSet<AddressKey> NoWallets = [];
    private readonly JsonObject _defaults;
    private readonly Dictionary<string, JsonObject> _assetOverrides;
    private readonly Dictionary<string, PlatformRules> _platforms;
    private readonly ConcurrentDictionary<(string Platform, string Asset), RuleSet> _cache = new();

    internal DetectionRules(
        JsonObject defaults,
        Dictionary<string, JsonObject> assetOverrides,
        Dictionary<string, PlatformRules> platforms,
        TimeSpan allowedLateness,
        IReadOnlyDictionary<string, decimal> referencePricesUsd,
        TimeSpan destinationMemory)
    {
        _defaults = defaults;
        _assetOverrides = assetOverrides;
        _platforms = platforms;
        AllowedLateness = allowedLateness;
        ReferencePricesUsd = referencePricesUsd;
        DestinationMemory = destinationMemory;
    }

    /// <summary>The built-in defaults: meant to work on day one without tuning.</summary>
    public static DetectionRules Default { get; } = RulesFileLoader.Parse("{}", "built-in defaults");

    /// <summary>
    /// How far behind the newest event of the same wallet/asset an event may be and still count in windows (default 5 min).
    /// A later event is still checked against the watchlist and per-event rules, and counted as late, but does not enter windows.
    /// </summary>
    public TimeSpan AllowedLateness { get; }

    /// <summary>USD per unit, used when an event has no <c>amountUsd</c> (or 0). An asset with neither is valued at 0 and counted as unvalued.</summary>
    public IReadOnlyDictionary<string, decimal> ReferencePricesUsd { get; }

    /// <summary>How long a destination is remembered; one unseen for longer counts as new again (default 7 days).</summary>
    public TimeSpan DestinationMemory { get; }

    /// <summary>
    /// The USD value every rule and report uses for a withdrawal: the producer's <c>amountUsd</c>, else the amount at the
    /// reference price (at most <see cref="AmountLimits.MaxUsd"/>). False when the asset has neither; the value is then 0.
    /// </summary>
    /// <remarks>
    /// A reported 0 counts as no valuation: the amount is positive, so 0 means the producer had no price (on-chain monitoring
    /// reporting a thief's key transfer often has none), and taken at its word it would hide a drain from every USD threshold.
    /// </remarks>
    public bool TryValueUsd(in WithdrawalEvent withdrawal, out decimal usd)
    {
        if (withdrawal.AmountUsd is { } reported && reported > 0m)
        {
            usd = reported;
            return true;
        }

        if (ReferencePricesUsd.TryGetValue(withdrawal.Asset, out var price))
        {
            // Capped like a reported value, so no price in a rules file can push the window sums out of range.
            usd = price > 0m && withdrawal.Amount > AmountLimits.MaxUsd / price ? AmountLimits.MaxUsd : withdrawal.Amount * price;
            return true;
        }

        usd = 0m;
        return false;
    }

    public RuleSet For(string platform, string asset) =>
        _cache.GetOrAdd((platform, asset), static (key, self) => self.Resolve(key.Platform, key.Asset), this);

    public RuleSet ForPlatform(string platform) => For(platform, AnyAsset);

    public bool IsInternalWallet(string platform, string address) => InternalWalletsOf(platform).Contains(new AddressKey(address));

    /// <summary>The platform's allow-listed internal wallets (empty when it names none); resolved once per platform by the engine.</summary>
    internal HashSet<AddressKey> InternalWalletsOf(string platform) =>
        _platforms.TryGetValue(platform, out var p) ? p.InternalWallets : NoWallets;

    internal IEnumerable<(string Platform, string Asset)> NamedCombinations()
    {
        yield return (AnyAsset, AnyAsset);
        foreach (var asset in _assetOverrides.Keys)
        {
            yield return (AnyAsset, asset);
        }

        foreach (var (platform, rules) in _platforms)
        {
            yield return (platform, AnyAsset);
            foreach (var asset in rules.AssetOverrides.Keys.Concat(_assetOverrides.Keys))
            {
                yield return (platform, asset);
            }
        }
    }

    internal RuleSet Resolve(string platform, string asset)
    {
        var merged = (JsonObject)_defaults.DeepClone();
        if (asset != AnyAsset && _assetOverrides.TryGetValue(asset, out var assetNode))
        {
            Merge(merged, assetNode);
        }

        if (_platforms.TryGetValue(platform, out var platformRules))
        {
            Merge(merged, platformRules.Rules);
            if (asset != AnyAsset && platformRules.AssetOverrides.TryGetValue(asset, out var platformAssetNode))
            {
                Merge(merged, platformAssetNode);
            }
        }

        foreach (var (section, value) in merged)
        {
            if (value is null)
            {
                throw new RulesFileException($"rules for platform '{platform}', asset '{asset}': '{section}' must be an object, not null");
            }
        }

        RuleSet set;
        try
        {
            set = merged.Deserialize(RulesJsonContext.Default.RuleSet)
                ?? throw new RulesFileException($"rules for platform '{platform}', asset '{asset}' resolved to null");
        }
        catch (JsonException ex)
        {
            throw new RulesFileException($"rules for platform '{platform}', asset '{asset}': {ex.Message}");
        }

        // Asset symbols are matched case-insensitively wherever a rule keys on them.
        return set with
        {
            MixerUsage = set.MixerUsage with
            {
                Denominations = set.MixerUsage.Denominations is { } sizes
                    ? new Dictionary<string, decimal[]>(sizes, StringComparer.OrdinalIgnoreCase)
                    : null!,
            },
        };
    }

    /// <summary>Objects merge member by member; arrays and values replace.</summary>
    internal static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (name, value) in overrides)
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    internal sealed record PlatformRules(JsonObject Rules, Dictionary<string, JsonObject> AssetOverrides, HashSet<AddressKey> InternalWallets)
    {
        public static PlatformRules Empty() => new([], new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase), new HashSet<AddressKey>());
    }
}
