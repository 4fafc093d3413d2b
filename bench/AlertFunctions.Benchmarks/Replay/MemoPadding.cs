using System.Globalization;
using AlertFunctions.SampleData;

namespace AlertFunctions.Benchmarks.Replay;

/// <summary>
/// How to pad events with the contract's ignored <c>memo</c> field so that they average a target size: a memo on every
/// <see cref="Stride"/>-th event. Synthetic events already come close to realistic sizes, and a memo costs at least its
/// field name, so the shortfall is spread over some events instead of adding a few bytes to each.
/// </summary>
internal sealed record MemoPadding(string? Memo, int Stride)
{
    // What SampleEventWriter writes around the memo's value: ,"memo":""
    private const int FieldOverhead = 10;
    private const int PreferredMemoBytes = 64;

    public bool AppliesTo(int index) => Memo is not null && index % Stride == 0;

    /// <summary>The padding that brings <paramref name="events"/> to <paramref name="targetBytesPerEvent"/> on average, measured on a spread sample.</summary>
    public static MemoPadding For(IReadOnlyList<SampleEvent> events, double targetBytesPerEvent)
    {
        var sample = Enumerable.Range(0, Math.Min(1_000, events.Count)).Select(i => events[(int)((long)i * events.Count / Math.Min(1_000, events.Count))]).ToList();
        using var buffer = new MemoryStream();
        SampleEventWriter.WriteLines(buffer, sample);
        var shortfall = targetBytesPerEvent - (buffer.Length / (double)sample.Count);
        if (shortfall < 1)
        {
            return new MemoPadding(null, 1);
        }

        if (shortfall >= PreferredMemoBytes)
        {
            return new MemoPadding(new string('x', (int)Math.Round(shortfall) - FieldOverhead), 1);
        }

        return new MemoPadding(new string('x', PreferredMemoBytes - FieldOverhead), Math.Max(1, (int)Math.Round(PreferredMemoBytes / shortfall)));
    }

    public override string ToString() => Memo is null
        ? "no memo padding needed"
        : string.Create(CultureInfo.InvariantCulture, $"a {Memo.Length}-character memo on every {(Stride == 1 ? "event" : $"{Stride}th event")}");
}
