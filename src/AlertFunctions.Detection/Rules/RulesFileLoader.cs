using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Reads a rules file (JSON). Shape:
/// <code>
/// {
///   "allowedLatenessSeconds": 300,
///   "destinationMemoryDays": 7,
///   "referencePricesUsd": { "ETH": 3000 },
///   "defaults":  { "rapidDrain": { "minUsd": 250000 } },
///   "assets":    { "USDT": { "largeWithdrawal": { "minUsd": 2000000 } } },
///   "platforms": { "northwind-exchange": { "internalWallets": ["0x…"], "rules": { … }, "assets": { "ETH": { … } } } }
/// }
/// </code>
/// Every problem is collected and reported at once, with its JSON path.
/// </summary>
public static class RulesFileLoader
{
    private static readonly HashSet<string> TopLevel = ["$schema", "description", "allowedLatenessSeconds", "destinationMemoryDays", "referencePricesUsd", "defaults", "assets", "platforms"];
    private static readonly HashSet<string> PlatformLevel = ["description", "rules", "assets", "internalWallets"];

    public static DetectionRules LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RulesFileException($"{path}: cannot read the rules file: {ex.Message}");
        }

        return Parse(text, path);
    }

    public static DetectionRules Parse(string json, string origin)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RulesFileException($"{origin}: the rules file must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new RulesFileException($"{origin}: not valid JSON: {ex.Message}");
        }

        try
        {
            return Build(root, origin);
        }
        catch (ArgumentException ex)
        {
            // JsonObject refuses a property named twice only when it is first enumerated.
            throw new RulesFileException($"{origin}: {ex.Message} (a property is named twice in the rules file)");
        }
    }

    private static DetectionRules Build(JsonObject root, string origin)
    {

        var errors = new List<string>();
        foreach (var (name, _) in root)
        {
            if (!TopLevel.Contains(name))
            {
                errors.Add($"unknown property '{name}' (expected one of {string.Join(", ", TopLevel.Order())})");
            }
        }

        var lateness = TimeSpan.FromSeconds(ReadInt(root, "allowedLatenessSeconds", 300, 0, 3600, errors));
        var memory = TimeSpan.FromDays(ReadInt(root, "destinationMemoryDays", 7, 1, 90, errors));
        var prices = ReadPrices(root, errors);
        var defaults = JsonSerializer.SerializeToNode(new RuleSet(), RulesJsonContext.Default.RuleSet)!.AsObject();
        if (root["defaults"] is { } fileDefaults)
        {
            if (fileDefaults is JsonObject obj)
            {
                DetectionRules.Merge(defaults, obj);
            }
            else
            {
                errors.Add("'defaults' must be an object");
            }
        }

        var assets = ReadObjectMap(root["assets"], "assets", errors);
        var platforms = new Dictionary<string, DetectionRules.PlatformRules>(StringComparer.Ordinal);
        if (root["platforms"] is JsonObject platformNodes)
        {
            foreach (var (platformId, node) in platformNodes)
            {
                platforms[platformId] = ReadPlatform(platformId, node, errors);
            }
        }
        else if (root["platforms"] is not null)
        {
            errors.Add("'platforms' must be an object keyed by platform id");
        }

        ThrowIfAny(errors, origin);
        var rules = new DetectionRules(defaults, assets, platforms, lateness, prices, memory);
        foreach (var (platform, asset) in rules.NamedCombinations())
        {
            try
            {
                foreach (var problem in rules.Resolve(platform, asset).Validate())
                {
                    errors.Add($"{problem} (platform '{platform}', asset '{asset}')");
                }
            }
            catch (RulesFileException ex)
            {
                errors.Add(ex.Message);
            }
        }

        ThrowIfAny(errors, origin);
        return rules;
    }

    private static DetectionRules.PlatformRules ReadPlatform(string platformId, JsonNode? node, List<string> errors)
    {
        var result = DetectionRules.PlatformRules.Empty();
        if (node is not JsonObject obj)
        {
            errors.Add($"platforms.{platformId} must be an object");
            return result;
        }

        foreach (var (name, _) in obj)
        {
            if (!PlatformLevel.Contains(name))
            {
                errors.Add($"platforms.{platformId}: unknown property '{name}' (expected one of {string.Join(", ", PlatformLevel.Order())})");
            }
        }

        var rules = obj["rules"] switch
        {
            null => new JsonObject(),
            JsonObject r => (JsonObject)r.DeepClone(),
            _ => Error<JsonObject>(errors, $"platforms.{platformId}.rules must be an object", new JsonObject()),
        };
        var assetOverrides = ReadObjectMap(obj["assets"], $"platforms.{platformId}.assets", errors);
        var wallets = new HashSet<AddressKey>();
        if (obj["internalWallets"] is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var address) && address.Length > 0)
                {
                    wallets.Add(new AddressKey(address));
                }
                else
                {
                    errors.Add($"platforms.{platformId}.internalWallets must hold non-empty strings");
                }
            }
        }
        else if (obj["internalWallets"] is not null)
        {
            errors.Add($"platforms.{platformId}.internalWallets must be an array of addresses");
        }

        return new DetectionRules.PlatformRules(rules, assetOverrides, wallets);
    }

    private static Dictionary<string, JsonObject> ReadObjectMap(JsonNode? node, string path, List<string> errors)
    {
        var map = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return map;
        }

        if (node is not JsonObject obj)
        {
            errors.Add($"'{path}' must be an object keyed by asset symbol");
            return map;
        }

        foreach (var (key, value) in obj)
        {
            if (value is JsonObject child)
            {
                map[key] = (JsonObject)child.DeepClone();
            }
            else
            {
                errors.Add($"{path}.{key} must be an object");
            }
        }

        return map;
    }

    private static Dictionary<string, decimal> ReadPrices(JsonObject root, List<string> errors)
    {
        var prices = new Dictionary<string, decimal>(ReferencePrices.Defaults, StringComparer.OrdinalIgnoreCase);
        if (root["referencePricesUsd"] is null)
        {
            return prices;
        }

        if (root["referencePricesUsd"] is not JsonObject obj)
        {
            errors.Add("'referencePricesUsd' must be an object of asset → USD price");
            return prices;
        }

        foreach (var (asset, value) in obj)
        {
            if (value is JsonValue v && v.TryGetValue<decimal>(out var price) && price >= 0)
            {
                prices[asset] = price;
            }
            else
            {
                errors.Add($"referencePricesUsd.{asset} must be a non-negative number");
            }
        }

        return prices;
    }

    private static int ReadInt(JsonObject root, string name, int fallback, int min, int max, List<string> errors)
    {
        if (root[name] is null)
        {
            return fallback;
        }

        if (root[name] is JsonValue v && v.TryGetValue<int>(out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"'{name}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }

    private static T Error<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }

    private static void ThrowIfAny(List<string> errors, string origin)
    {
        if (errors.Count > 0)
        {
            throw new RulesFileException($"{origin}: {errors.Count} problem(s) in the rules file:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }
    }
}
