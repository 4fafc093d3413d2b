using System.Globalization;
using System.Text;
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
/// Every problem is collected and reported at once, with its line in the file and its JSON path.
/// </summary>
public static class RulesFileLoader
{
    private static readonly HashSet<string> TopLevel = ["$schema", "description", "allowedLatenessSeconds", "destinationMemoryDays", "referencePricesUsd", "defaults", "assets", "platforms"];
    private static readonly HashSet<string> PlatformLevel = ["description", "rules", "assets", "internalWallets"];

    // The file is read twice, for its values and for its lines: both readings must accept the same syntax.
    private static readonly JsonReaderOptions FileSyntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

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
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { CommentHandling = FileSyntax.CommentHandling, AllowTrailingCommas = FileSyntax.AllowTrailingCommas }) as JsonObject
                ?? throw new RulesFileException($"{origin}: the rules file must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new RulesFileException($"{origin}: not valid JSON: {ex.Message}");
        }

        var lines = RulesFileLines.Read(utf8, FileSyntax);
        var problems = new RulesFileProblems(lines);
        foreach (var repeat in lines.Repeats)
        {
            problems.Add(repeat);
        }

        // Until the operator says which of two values counts, the rest of the file cannot be read as meant.
        problems.ThrowIfAny(origin);
        return Build(root, problems, origin);
    }

    private static DetectionRules Build(JsonObject root, RulesFileProblems problems, string origin)
    {
        foreach (var (name, _) in root)
        {
            if (!TopLevel.Contains(name))
            {
                problems.At(name, $"unknown property '{name}' (expected one of {string.Join(", ", TopLevel.Order())})");
            }
        }

        var lateness = TimeSpan.FromSeconds(ReadInt(root, "allowedLatenessSeconds", 300, 0, 3600, problems));
        var memory = TimeSpan.FromDays(ReadInt(root, "destinationMemoryDays", 7, 1, 90, problems));
        var prices = ReadPrices(root, problems);
        var shape = new RuleSetShape(problems);
        var defaults = JsonSerializer.SerializeToNode(new RuleSet(), RulesJsonContext.Default.RuleSet)!.AsObject();
        if (root.TryGetPropertyValue("defaults", out var fileDefaults))
        {
            if (fileDefaults is JsonObject obj)
            {
                var checkedDefaults = (JsonObject)obj.DeepClone();
                shape.Check(checkedDefaults, "defaults");
                DetectionRules.Merge(defaults, checkedDefaults);
            }
            else
            {
                problems.Wrong("defaults", "'defaults' must be an object", fileDefaults);
            }
        }

        var assets = ReadRuleSetMap(root, "assets", shape, problems);
        var platforms = new Dictionary<string, DetectionRules.PlatformRules>(StringComparer.Ordinal);
        if (root.TryGetPropertyValue("platforms", out var platformsNode))
        {
            if (platformsNode is JsonObject platformNodes)
            {
                foreach (var (platformId, node) in platformNodes)
                {
                    platforms[platformId] = ReadPlatform(RulesFileLines.Child("platforms", platformId), node, shape, problems);
                }
            }
            else
            {
                problems.Wrong("platforms", "'platforms' must be an object keyed by platform id", platformsNode);
            }
        }

        // Unknown names are gone from the layers by now, so the merged settings can still be range-checked and every
        // problem listed in one go; a mistyped value cannot be merged, and its neighbours are checked once it is fixed.
        if (!shape.ValuesHaveTheirTypes)
        {
            problems.ThrowIfAny(origin);
        }

        var rules = new DetectionRules(defaults, assets, platforms, lateness, prices, memory);
        foreach (var (platform, asset) in rules.NamedCombinations())
        {
            try
            {
                foreach (var problem in rules.Resolve(platform, asset).Validate())
                {
                    problems.Add($"{problem} (platform '{platform}', asset '{asset}')");
                }
            }
            catch (RulesFileException ex)
            {
                problems.Add(ex.Message);
            }
        }

        problems.ThrowIfAny(origin);
        return rules;
    }

    private static DetectionRules.PlatformRules ReadPlatform(string path, JsonNode? node, RuleSetShape shape, RulesFileProblems problems)
    {
        var result = DetectionRules.PlatformRules.Empty();
        if (node is not JsonObject obj)
        {
            problems.Wrong(path, $"{path} must be an object", node);
            return result;
        }

        foreach (var (name, _) in obj)
        {
            if (!PlatformLevel.Contains(name))
            {
                problems.At(RulesFileLines.Child(path, name), $"unknown property '{name}' in {path} (expected one of {string.Join(", ", PlatformLevel.Order())})");
            }
        }

        var rules = new JsonObject();
        if (obj.TryGetPropertyValue("rules", out var rulesNode))
        {
            if (rulesNode is JsonObject r)
            {
                rules = (JsonObject)r.DeepClone();
                shape.Check(rules, RulesFileLines.Child(path, "rules"));
            }
            else
            {
                problems.Wrong(RulesFileLines.Child(path, "rules"), $"{path}.rules must be an object", rulesNode);
            }
        }

        var assetOverrides = ReadRuleSetMap(obj, "assets", shape, problems, path);
        var wallets = new HashSet<AddressKey>();
        var walletsPath = RulesFileLines.Child(path, "internalWallets");
        if (obj.TryGetPropertyValue("internalWallets", out var walletsNode))
        {
            if (walletsNode is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var address) && address.Length > 0)
                    {
                        wallets.Add(new AddressKey(address));
                    }
                    else
                    {
                        var itemPath = RulesFileLines.Item(walletsPath, i);
                        problems.Wrong(itemPath, $"{itemPath} must be a non-empty string", array[i]);
                    }
                }
            }
            else
            {
                problems.Wrong(walletsPath, $"{walletsPath} must be an array of addresses", walletsNode);
            }
        }

        return new DetectionRules.PlatformRules(rules, assetOverrides, wallets);
    }

    private static Dictionary<string, JsonObject> ReadRuleSetMap(JsonObject parent, string name, RuleSetShape shape, RulesFileProblems problems, string parentPath = "")
    {
        var map = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var path = RulesFileLines.Child(parentPath, name);
        if (!parent.TryGetPropertyValue(name, out var node))
        {
            return map;
        }

        if (node is not JsonObject obj)
        {
            problems.Wrong(path, $"'{path}' must be an object keyed by asset symbol", node);
            return map;
        }

        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in obj)
        {
            var entryPath = RulesFileLines.Child(path, key);
            if (IsRepeatedAsset(named, key, path, problems))
            {
                continue;
            }

            if (value is JsonObject child)
            {
                map[key] = (JsonObject)child.DeepClone();
                shape.Check(map[key], entryPath);
            }
            else
            {
                problems.Wrong(entryPath, $"{entryPath} must be an object", value);
            }
        }

        return map;
    }

    private static Dictionary<string, decimal> ReadPrices(JsonObject root, RulesFileProblems problems)
    {
        var prices = new Dictionary<string, decimal>(ReferencePrices.Defaults, StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetPropertyValue("referencePricesUsd", out var node))
        {
            return prices;
        }

        if (node is not JsonObject obj)
        {
            problems.Wrong("referencePricesUsd", "'referencePricesUsd' must be an object of asset → USD price", node);
            return prices;
        }

        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (asset, value) in obj)
        {
            if (IsRepeatedAsset(named, asset, "referencePricesUsd", problems))
            {
                continue;
            }

            if (value is JsonValue v && v.TryGetValue<decimal>(out var price) && price >= 0)
            {
                prices[asset] = price;
            }
            else
            {
                var path = RulesFileLines.Child("referencePricesUsd", asset);
                problems.Wrong(path, $"{path} must be a non-negative number", value);
            }
        }

        return prices;
    }

    /// <summary>
    /// Asset symbols match whatever their case, so a second spelling in one map would silently replace the first: reported
    /// at <paramref name="asset"/>'s entry in <paramref name="path"/>, and true so the caller skips it.
    /// </summary>
    private static bool IsRepeatedAsset(HashSet<string> named, string asset, string path, RulesFileProblems problems)
    {
        if (named.Add(asset) || !named.TryGetValue(asset, out var earlier))
        {
            return false;
        }

        problems.At(RulesFileLines.Child(path, asset), $"'{asset}' appears twice in {path}, as '{earlier}' (asset symbols match whatever their case)");
        return true;
    }

    // Present means present: a null is refused like any other wrong value, not taken as "use the default".
    private static int ReadInt(JsonObject root, string name, int fallback, int min, int max, RulesFileProblems problems)
    {
        if (!root.TryGetPropertyValue(name, out var node))
        {
            return fallback;
        }

        if (node is JsonValue v && v.TryGetValue<int>(out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Wrong(name, $"'{name}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", node);
        return fallback;
    }
}
