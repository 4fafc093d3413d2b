using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The USD per unit at which a wallet/asset's long window was valued: what a withdrawal with neither <c>amountUsd</c> nor a
/// reference price is worth. A thief's transfers, made with the wallet's key and reported by on-chain monitoring, often
/// carry no valuation where the customers' withdrawals of the same token, priced by the withdrawal system, do; valued at 0
/// they would pass every USD threshold. Read from the window's running sums, so it is O(1), needs no state of its own and
/// survives a restart with the window; an event valued this way enters the window at that price and leaves it unchanged.
/// </summary>
internal static class WindowPrice
{
    /// <returns>False when the window holds no valued withdrawal (a new wallet or token, or one idle for the window's length).</returns>
    /// <remarks>
    /// Called before the window moves on to <paramref name="time"/>: a wallet idle for longer than the window still holds its
    /// old sums then, and a price from before the window is no price.
    /// </remarks>
    public static bool TryValue(BucketRing ring, DateTimeOffset time, decimal amount, out decimal usd)
    {
        usd = 0m;
        if (ring.SumUsd <= 0m || ring.SumAsset <= 0m || ring.BucketOf(time) - ring.Head >= ring.BucketCount)
        {
            return false;
        }

        // In double: the window's sums may run to many times the USD limit, so the exact quotient could overflow a decimal,
        // and a fallback valuation needs no more than double's fifteen digits.
        var value = (double)amount * ((double)ring.SumUsd / (double)ring.SumAsset);
        usd = value >= (double)AmountLimits.MaxUsd ? AmountLimits.MaxUsd : Math.Round((decimal)value, 2);
        return true;
    }
}
