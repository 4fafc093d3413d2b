using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Restart anywhere around an Upbit-shaped drain of tokens nothing prices, with late events accepted: the learned units
/// (wallet snapshots), the drained pairs and the legs that counted them (platform snapshot) and the balances the emptied
/// test compares with must give the same alerts as a run that never stopped.
/// </summary>
public sealed class UnpricedTokenRestartPropertyTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void RestartAnywhereAroundTheDrain_ChangesNothing(int seed, bool withBalances)
    {
        var random = new Random(seed);
        var ordered = RestartReplay.InTimeOrder(UnpricedTokenScenario.Events(seed, withBalances, withAccounts: true, attack: true), random, jitter: true);
        var first = ordered.FindIndex(e => e.EventId == "leg-00");
        var last = ordered.FindIndex(e => e.EventId == $"leg-{UnpricedTokenScenario.AttackLegs - 1:D2}");
        foreach (var cut in Enumerable.Range(0, 12).Select(_ => random.Next(first - 50, last + 50)).Distinct().Order())
        {
            RestartReplay.AssertRestartChangesNothing(ordered, cut, $"seed {seed}, cut {cut} at {ordered[cut].Timestamp:HH:mm:ss} ({ordered[cut].EventId})");
        }
    }
}
