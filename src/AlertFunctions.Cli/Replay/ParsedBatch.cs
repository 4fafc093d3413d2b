using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>A block of parsed events handed from the reading thread (which routes them) to a detection lane; arrays are recycled.</summary>
internal sealed class ParsedBatch(int capacity)
{
    public WithdrawalEvent[] Events { get; } = new WithdrawalEvent[capacity];

    public int Count { get; set; }
}
