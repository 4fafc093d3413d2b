using System.Text.Json;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using AlertFunctions.SampleData;

namespace AlertFunctions.Benchmarks;

/// <summary>
/// The input every benchmark shares: the first <see cref="EventCount"/> events of three days of synthetic traffic
/// (20,000 ordinary withdrawals a day, in event-time order), as UTF-8 JSON lines and as parsed events. Built once per
/// benchmark process, outside any measurement. The traffic starts in the past, so no event is refused as "in the future".
/// </summary>
internal sealed class BenchmarkTraffic
{
    /// <summary>A constant because BenchmarkDotNet's OperationsPerInvoke must be one.</summary>
    public const int EventCount = 60_000;

    /// <summary>Benchmarks that warm their state on the first half measure the second.</summary>
    public const int HalfCount = EventCount / 2;

    /// <summary>How many second-half events whose wallet/asset, destination and account all occur in the first half are kept.</summary>
    public const int KnownKeyCount = 10_000;

    /// <summary>
    /// The duplicate memory (event ids remembered per platform) of engines that are warmed before being measured. Each
    /// platform's two generations of ids grow until each has held the capacity once (twice the capacity in events: 131,072
    /// at the default 65,536), and then stay that size; a long-running engine is past that, but the first half of this
    /// traffic (3,000 to 13,500 events per platform) is not. Small enough that every platform passes twice it during the
    /// warm-up, so the warmed rows show the steady state, not that one-time growth.
    /// </summary>
    public const int FullDuplicateMemory = 1_024;

    private static readonly Lazy<BenchmarkTraffic> Shared = new(Create);

    private BenchmarkTraffic(byte[][] lines, WithdrawalEvent[] events, WithdrawalEvent[] knownKeyEvents, Watchlist watchlist)
    {
        Lines = lines;
        Events = events;
        KnownKeyEvents = knownKeyEvents;
        Watchlist = watchlist;
    }

    public static BenchmarkTraffic Instance => Shared.Value;

    public static SampleTrafficOptions Options { get; } = new()
    {
        Start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Days = 3,
        EventsPerDay = 20_000,
    };

    public byte[][] Lines { get; }

    public WithdrawalEvent[] Events { get; }

    /// <summary>
    /// The first <see cref="KnownKeyCount"/> events of the second half whose (platform, wallet, asset), (platform, destination)
    /// and (platform, account) all occur in the first half: an engine fed the first half creates no state for them.
    /// </summary>
    public WithdrawalEvent[] KnownKeyEvents { get; }

    public Watchlist Watchlist { get; }

    public static DetectionRules Rules => DetectionRules.Default;

    /// <summary>An engine with default rules whose duplicate memory is full once it has been fed the first half.</summary>
    public DetectionEngine CreateEngineToWarm() => new(Rules, Watchlist, FullDuplicateMemory);

    private static BenchmarkTraffic Create()
    {
        var generated = new SampleTrafficGenerator(Options).Generate();
        if (generated.Count < EventCount)
        {
            throw new InvalidOperationException($"the generator made {generated.Count} events; the benchmarks need {EventCount}");
        }

        var (lines, events) = WriteAndParse(generated, EventCount);
        return new BenchmarkTraffic(lines, events, SelectKnownKeyEvents(events), WatchlistCsvReader.Load([]));
    }

    /// <summary>
    /// The first <paramref name="count"/> generated events as UTF-8 JSON lines, and those lines parsed; a refused line
    /// throws, since every benchmark must see the events the generator meant.
    /// </summary>
    internal static (byte[][] Lines, WithdrawalEvent[] Events) WriteAndParse(IReadOnlyList<SampleEvent> generated, int count)
    {
        var lines = new byte[count][];
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            for (var i = 0; i < count; i++)
            {
                SampleEventWriter.Write(writer, generated[i]);
                writer.Flush();
                lines[i] = buffer.ToArray();
                buffer.SetLength(0);
                writer.Reset();
            }
        }

        var parser = new WithdrawalEventParser();
        var events = new WithdrawalEvent[count];
        for (var i = 0; i < count; i++)
        {
            var result = parser.Parse(lines[i]);
            events[i] = result.IsValid
                ? result.Value
                : throw new InvalidOperationException($"benchmark event {i} was refused: {result.Rejection}");
        }

        return (lines, events);
    }

    private static WithdrawalEvent[] SelectKnownKeyEvents(WithdrawalEvent[] events)
    {
        // The sample spells every address one way, so ordinal sets match the engine's address-aware keys here.
        var firstHalf = events.AsSpan(0, HalfCount).ToArray();
        var wallets = firstHalf.Select(e => (e.Platform, e.SourceWallet, e.Asset)).ToHashSet();
        var destinations = firstHalf.Select(e => (e.Platform, e.DestinationAddress)).ToHashSet();
        var accounts = firstHalf.Select(e => (e.Platform, e.AccountId)).ToHashSet();
        var known = events
            .Skip(HalfCount)
            .Where(e => wallets.Contains((e.Platform, e.SourceWallet, e.Asset)) && destinations.Contains((e.Platform, e.DestinationAddress)) && accounts.Contains((e.Platform, e.AccountId)))
            .Take(KnownKeyCount)
            .ToArray();
        return known.Length == KnownKeyCount
            ? known
            : throw new InvalidOperationException($"only {known.Length} second-half events have known keys; the benchmarks need {KnownKeyCount}");
    }
}
