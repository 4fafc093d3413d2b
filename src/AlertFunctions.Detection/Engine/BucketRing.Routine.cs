namespace AlertFunctions.Detection.Engine;

/// <summary>The window's routine withdrawals (see <see cref="RuleEvaluators.RoutineWithdrawals"/>): per bucket and in total.</summary>
internal sealed partial class BucketRing
{
    /// <summary>Allocated on the first routine withdrawal: most wallets' windows never hold one.</summary>
    private RoutineBuckets? _routine;

    /// <summary>USD and count of the window's routine withdrawals: customers paying their usual addresses what they were paid before.</summary>
    public decimal RoutineUsd { get; private set; }

    public int RoutineCount { get; private set; }

    /// <summary>
    /// Marks a withdrawal already added with <see cref="TryAdd"/> as routine. Returns false when its bucket has left the
    /// window (or was never added).
    /// </summary>
    public bool MarkRoutine(DateTimeOffset time, decimal usd)
    {
        if (!TryLiveSlot(time, out var slot))
        {
            return false;
        }

        var buckets = _routine ??= new RoutineBuckets(BucketCount);
        buckets.Usd[slot] += usd;
        buckets.Count[slot]++;
        RoutineUsd += usd;
        RoutineCount++;
        return true;
    }

    /// <summary>Writes the routine withdrawals of the live buckets (version 9 on, after everything else the wallet holds).</summary>
    internal void WriteRoutine(BinaryWriter writer)
    {
        writer.Write(CountBuckets(HasRoutine));
        for (var i = 0; i < BucketCount; i++)
        {
            if (HasRoutine(i))
            {
                writer.Write(_index[i]);
                writer.Write(_routine!.Count[i]);
                writer.Write(_routine.Usd[i]);
            }
        }
    }

    /// <summary>Reads what <see cref="WriteRoutine"/> wrote, after <see cref="Read"/>; a bucket no longer held, or holding fewer withdrawals or USD, is refused.</summary>
    internal void ReadRoutine(BinaryReader reader)
    {
        var live = reader.ReadInt32();
        for (var n = 0; n < live; n++)
        {
            var bucket = reader.ReadInt64();
            var slot = HeldSlot(bucket, "routine withdrawals");
            var buckets = _routine ??= new RoutineBuckets(BucketCount);
            if (buckets.Count[slot] != 0)
            {
                throw new InvalidDataException($"routine withdrawals for bucket {bucket} twice");
            }

            var count = reader.ReadInt32();
            var usd = reader.ReadDecimal();
            if (count <= 0 || count > _count[slot] || usd < 0 || usd > _usd[slot])
            {
                throw new InvalidDataException($"routine withdrawals for bucket {bucket} out of range: {count} of {_count[slot]} withdrawals, {usd} of {_usd[slot]} USD");
            }

            buckets.Count[slot] = count;
            buckets.Usd[slot] = usd;
            RoutineCount += count;
            RoutineUsd += usd;
        }
    }

    private bool HasRoutine(int slot) => _routine is { } routine && _index[slot] != Empty && routine.Count[slot] > 0;

    private sealed class RoutineBuckets(int bucketCount)
    {
        public decimal[] Usd { get; } = new decimal[bucketCount];

        public int[] Count { get; } = new int[bucketCount];

        public void Clear(int slot)
        {
            Usd[slot] = 0;
            Count[slot] = 0;
        }
    }
}
