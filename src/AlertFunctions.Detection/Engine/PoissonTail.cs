namespace AlertFunctions.Detection.Engine;

/// <summary>
/// How unlikely a count is when counts of that kind follow a Poisson law with a known mean: the Chernoff bound
/// P(X ≥ k) ≤ e^(−λ) (eλ / k)^k for k &gt; λ. An upper bound, so a count it calls unlikely is at least that unlikely; it
/// needs no loop over terms, so judging a count is O(1).
/// </summary>
internal static class PoissonTail
{
    /// <summary>The natural log of the bound on the chance of at least <paramref name="count"/> when <paramref name="expected"/> are expected; 0 (certainty) when the count is not above the mean.</summary>
    public static double LogChanceOfAtLeast(int count, double expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        if (count <= expected)
        {
            return 0;
        }

        return count - expected - (count * Math.Log(count / expected));
    }

    /// <summary>The smallest count whose bound is at most <paramref name="maxChance"/>: the threshold an alert names.</summary>
    public static int SmallestUnlikelyCount(double expected, double maxChance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChance);
        var limit = Math.Log(maxChance);
        // The bound falls monotonically above the mean; the answer lies below mean + 2·ln(1/p) + 2·sqrt(mean·ln(1/p)) + 1, so
        // a binary search between the mean and that needs a few dozen steps at most.
        var low = (int)Math.Floor(expected);
        var high = (int)Math.Ceiling(expected + (2 * -limit) + (2 * Math.Sqrt(expected * -limit)) + 1);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (LogChanceOfAtLeast(middle, expected) <= limit)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
