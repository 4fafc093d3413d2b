namespace AlertFunctions.Cli.Replay;

/// <summary>
/// One value per platform, created on first sight. Streams carry few platforms, usually in runs, and the parser pools
/// platform ids, so the last platform answers most lookups by reference without hashing.
/// </summary>
internal sealed class PlatformLookup<T>(Func<string, T> create)
{
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private string? _lastPlatform;
    private T _last = default!;

    public IEnumerable<string> Platforms => _values.Keys;

    public T this[string platform]
    {
        get
        {
            // string.Equals compares references first, so a pooled id costs no character comparison.
            if (string.Equals(_lastPlatform, platform, StringComparison.Ordinal))
            {
                return _last;
            }

            if (!_values.TryGetValue(platform, out var value))
            {
                value = create(platform);
                _values.Add(platform, value);
            }

            (_lastPlatform, _last) = (platform, value);
            return value;
        }
    }
}
