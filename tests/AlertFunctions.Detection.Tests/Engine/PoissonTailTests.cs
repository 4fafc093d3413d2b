using AlertFunctions.Detection.Engine;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class PoissonTailTests
{
    [Fact]
    public void LogChanceOfAtLeast_IsNeverBelowTheExactTail()
    {
        // The bound must be an upper bound: a count it calls unlikely must be at least that unlikely.
        Gen.Select(Gen.Double[0.05, 60], Gen.Int[0, 150]).Sample((expected, count) =>
        {
            var exact = Math.Min(0, ExactLogTail(count, expected));
            Assert.True(PoissonTail.LogChanceOfAtLeast(count, expected) >= exact - 1e-9, $"count {count}, expected {expected}");
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(5, 5.0)]
    [InlineData(0, 0.5)]
    [InlineData(3, 7.5)]
    public void LogChanceOfAtLeast_AtOrBelowTheMean_IsCertainty(int count, double expected)
    {
        Assert.Equal(0, PoissonTail.LogChanceOfAtLeast(count, expected));
    }

    [Fact]
    public void LogChanceOfAtLeast_KnownValue()
    {
        // 18 when 3.6 are expected: ln bound = 18 - 3.6 - 18 ln 5 = -14.57.
        Assert.Equal(-14.57, PoissonTail.LogChanceOfAtLeast(18, 3.6), 2);
    }

    [Fact]
    public void SmallestUnlikelyCount_IsTheFirstCountWithinTheChance()
    {
        Gen.Select(Gen.Double[0.01, 200], Gen.Double[1e-12, 0.01]).Sample((expected, chance) =>
        {
            var needed = PoissonTail.SmallestUnlikelyCount(expected, chance);
            Assert.True(PoissonTail.LogChanceOfAtLeast(needed, expected) <= Math.Log(chance));
            Assert.True(needed == 0 || PoissonTail.LogChanceOfAtLeast(needed - 1, expected) > Math.Log(chance), $"{needed - 1} already within {chance} at {expected}");
        }, iter: 2_000);
    }

    [Fact]
    public void SmallestUnlikelyCount_ForOneInTenMillion()
    {
        // Almost nothing expected (the floor's share of a quiet window): a handful is already beyond chance; 20 expected: 2.5x that.
        Assert.Equal(6, PoissonTail.SmallestUnlikelyCount(0.1, 1e-7));
        Assert.Equal(51, PoissonTail.SmallestUnlikelyCount(20, 1e-7));
    }

    /// <summary>ln P(X ≥ k) for X ~ Poisson(λ), summed term by term from k upwards in log space (no cancellation, no underflow).</summary>
    private static double ExactLogTail(int k, double lambda)
    {
        var logTerm = -lambda;
        for (var i = 1; i <= k; i++)
        {
            logTerm += Math.Log(lambda / i);
        }

        var sum = 1.0;
        var ratio = 1.0;
        for (var i = k + 1; i < k + 10_000; i++)
        {
            ratio *= lambda / i;
            sum += ratio;
            if (ratio < 1e-18 * sum)
            {
                break;
            }
        }

        return logTerm + Math.Log(sum);
    }
}
