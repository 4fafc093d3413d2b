using System.Buffers.Binary;
using System.Text;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Lists each platform's source wallets from a file's lines before the replay (see <see cref="InputSurvey"/>). The
/// contract calls a transfer to one of the platform's own source wallets rebalancing, but a stream only learns a wallet
/// once it sends: a hot-to-cold sweep that comes before the cold wallet's first refill would otherwise be judged a
/// withdrawal (and, being large, raise a critical alert). Nothing is validated: a line the main pass refuses may still
/// name its wallet, which is the producer's claim about its own wallets either way. Measured on the 280,000-event replay
/// file: 0.11 s of a 1.5 s replay (0.15–0.19 s before recent pairs were cached).
/// </summary>
internal sealed class SourceWalletScan
{
    /// <summary>As many wallets per platform as the engine keeps learned own wallets.</summary>
    public const int MaxWalletsPerPlatform = 4_096;

    // A line's pair is nearly always one seen before (a platform has few source wallets): a small cache of recent pairs,
    // compared as bytes, settles it without decoding two strings and hashing them into the sets.
    private const int CacheSlotBits = 6;
    private const int CacheSlots = 1 << CacheSlotBits;
    private readonly (byte[] Platform, byte[] Wallet)[] _recent = new (byte[], byte[])[CacheSlots];
    private readonly Dictionary<string, HashSet<string>> _found = new(StringComparer.Ordinal);

    // Each platform's wallets in the order first seen, so wallets a later part of a file adds come after those of the
    // parts before it, as in one pass (see Append).
    private readonly Dictionary<string, List<string>> _inOrder = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Wallets =>
        _found.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)p.Value, StringComparer.Ordinal);

    public void Add(ReadOnlySpan<byte> platform, ReadOnlySpan<byte> wallet)
    {
        if (platform.IsEmpty || wallet.IsEmpty)
        {
            return;
        }

        ref var slot = ref _recent[SlotOf(platform, wallet)];
        if (slot.Platform is not null && platform.SequenceEqual(slot.Platform) && wallet.SequenceEqual(slot.Wallet))
        {
            return;
        }

        slot = (platform.ToArray(), wallet.ToArray());
        Add(Encoding.UTF8.GetString(platform), Encoding.UTF8.GetString(wallet));
    }

    /// <summary>
    /// The cache slot of a pair, from the last eight bytes of each value (the random end of an address) and their lengths.
    /// Why not a hash of all the bytes: that was most of this scan's time (44 of its 75 samples in a replay's profile),
    /// and the slot only has to spread the few pairs a file has; the slot's bytes are compared in full either way, so a
    /// shared slot costs a miss, never a wrong answer.
    /// </summary>
    private static int SlotOf(ReadOnlySpan<byte> platform, ReadOnlySpan<byte> wallet)
    {
        var mixed = unchecked((Tail(platform) * 0x9E3779B97F4A7C15UL) ^ Tail(wallet) ^ (ulong)((platform.Length << 8) + wallet.Length));
        return (int)(unchecked(mixed * 0x9E3779B97F4A7C15UL) >> (64 - CacheSlotBits));
    }

    private static ulong Tail(ReadOnlySpan<byte> value)
    {
        if (value.Length >= sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(value[^sizeof(ulong)..]);
        }

        var tail = 0UL;
        foreach (var b in value)
        {
            tail = unchecked((tail << 8) | b);
        }

        return tail;
    }

    /// <summary>
    /// Adds what a scan of the lines after this scan's found, as if this scan had read on: the wallets it lacks, in
    /// <paramref name="later"/>'s order, up to the cap.
    /// </summary>
    public void Append(SourceWalletScan later)
    {
        foreach (var (platform, wallets) in later._inOrder)
        {
            foreach (var wallet in wallets)
            {
                Add(platform, wallet);
            }
        }
    }

    private void Add(string platform, string wallet)
    {
        if (string.IsNullOrWhiteSpace(platform) || string.IsNullOrWhiteSpace(wallet))
        {
            return;
        }

        if (!_found.TryGetValue(platform, out var wallets))
        {
            _found[platform] = wallets = new HashSet<string>(StringComparer.Ordinal);
            _inOrder[platform] = [];
        }

        if (wallets.Count < MaxWalletsPerPlatform && wallets.Add(wallet))
        {
            _inOrder[platform].Add(wallet);
        }
    }
}
