using System.Text;

namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// Reads watchlist CSV: a header <c>address,chain,category,label,source</c>, then one row per address. Lines starting with
/// <c>#</c> and blank lines are skipped; fields may be double-quoted (RFC 4180, <c>""</c> escapes a quote). Any malformed row
/// fails the whole load with its file and line: a silently shortened sanctions list is worse than a refused start. So does
/// a category the engine does not know (see <see cref="WatchlistCategory"/>), which would load but drive no rule.
/// </summary>
public static class WatchlistCsvReader
{
    private static readonly string[] Header = ["address", "chain", "category", "label", "source"];

    public static IReadOnlyList<WatchlistEntry> Read(TextReader reader, string origin)
    {
        var entries = new List<WatchlistEntry>();
        var headerSeen = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitCsvLine(line, origin, lineNumber);
            if (!headerSeen)
            {
                if (!fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Header))
                {
                    throw new WatchlistFormatException($"{origin}:{lineNumber}: expected the header 'address,chain,category,label,source', found '{line}'");
                }

                headerSeen = true;
                continue;
            }

            if (fields.Count != Header.Length)
            {
                throw new WatchlistFormatException($"{origin}:{lineNumber}: expected 5 fields (address,chain,category,label,source), found {fields.Count}");
            }

            var address = fields[0].Trim();
            var category = fields[2].Trim().ToLowerInvariant();
            if (address.Length == 0)
            {
                throw new WatchlistFormatException($"{origin}:{lineNumber}: the address is empty");
            }

            if (category.Length == 0)
            {
                throw new WatchlistFormatException($"{origin}:{lineNumber}: the category is empty");
            }

            if (!WatchlistCategory.All.Contains(category))
            {
                throw new WatchlistFormatException($"{origin}:{lineNumber}: unknown category '{category}' (expected one of {string.Join(", ", WatchlistCategory.All)})");
            }

            entries.Add(new WatchlistEntry(address, fields[1].Trim().ToLowerInvariant(), category, fields[3].Trim(), fields[4].Trim(), origin));
        }

        if (!headerSeen)
        {
            throw new WatchlistFormatException($"{origin}: no header line 'address,chain,category,label,source' found");
        }

        return entries;
    }

    public static IReadOnlyList<WatchlistEntry> ReadFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            return Read(reader, path);
        }
        catch (IOException ex)
        {
            throw new WatchlistFormatException($"{path}: cannot read the watchlist: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new WatchlistFormatException($"{path}: cannot read the watchlist: {ex.Message}");
        }
    }

    /// <summary>The curated list shipped inside the assembly (mixers and well-known DPRK-attributed addresses, each with its source).</summary>
    public static IReadOnlyList<WatchlistEntry> ReadEmbeddedDefault()
    {
        const string Name = "AlertFunctions.Detection.default-watchlist.csv";
        using var stream = typeof(WatchlistCsvReader).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"embedded resource {Name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, "embedded:default-watchlist.csv");
    }

    /// <summary>The embedded default plus every file given, in order.</summary>
    public static Watchlist Load(IEnumerable<string> files)
    {
        var entries = new List<WatchlistEntry>(ReadEmbeddedDefault());
        foreach (var file in files)
        {
            entries.AddRange(ReadFile(file));
        }

        return new Watchlist(entries);
    }

    private static List<string> SplitCsvLine(string line, string origin, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new WatchlistFormatException($"{origin}:{lineNumber}: a quoted field is not closed");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
