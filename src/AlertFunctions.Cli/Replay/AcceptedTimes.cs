using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The event times the parser accepts now: not before <see cref="ParserOptions.MinTimestamp"/> and not further ahead of
/// the clock than <see cref="ParserOptions.MaxFutureSkew"/>. The first pass ignores any other time, so one line from a
/// producer with a broken clock (dated 2099, say, and refused) cannot make every later event look out of order.
/// </summary>
internal readonly record struct AcceptedTimes(DateTimeOffset Earliest, DateTimeOffset Latest)
{
    public static AcceptedTimes Any { get; } = new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    public static AcceptedTimes Of(ParserOptions options, TimeProvider clock) => new(options.MinTimestamp, clock.GetUtcNow() + options.MaxFutureSkew);

    public bool Contains(DateTimeOffset time) => time >= Earliest && time <= Latest;
}
