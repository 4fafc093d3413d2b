using System.Threading.RateLimiting;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// A token bucket that reads its time from a <see cref="TimeProvider"/>. It holds at most <c>limit</c> whole tokens and starts
/// full; one token comes back every <c>period</c> while it is below the limit, and time spent full is not saved up. A request
/// that cannot be served at once waits in a queue served oldest first, and a request that would take the queue beyond its
/// limit is refused at once.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter"/> measures elapsed time with its own stopwatch, even when it is replenished by hand, so a
/// pace built on it can only be tested against real time, which a busy machine does not keep. This one follows the clock it is
/// given, so tests drive it with a fake clock and the production host gives it <see cref="TimeProvider.System"/>.
/// </remarks>
internal sealed class ClockedTokenBucket : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly int _limit;
    private readonly TimeSpan _period;
    private readonly int _queueLimit;
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _timer;

    private int _tokens;
    private int _queuedPermits;

    // Time (since _origin) up to which elapsed time has been turned into tokens.
    private TimeSpan _creditedUpTo;
    private TimeSpan? _fullSince = TimeSpan.Zero;
    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    public ClockedTokenBucket(int limit, TimeSpan period, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        ArgumentNullException.ThrowIfNull(time);

        _time = time;
        _origin = time.GetTimestamp();
        _limit = limit;
        _period = period;
        _queueLimit = queueLimit;
        _tokens = limit;
        _timer = time.CreateTimer(static state => ((ClockedTokenBucket)state!).ServeQueue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = Now();
                Refill(now);
                return _fullSince is { } since ? now - since : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill(Now());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ThrowIfAboveLimit(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Refill(Now());
            return TryTake(permitCount) ? Lease.Granted : Refuse();
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfAboveLimit(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Now();
            Refill(now);
            if (TryTake(permitCount))
            {
                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                return ValueTask.FromResult<RateLimitLease>(Refuse());
            }

            waiter = new Waiter(this, permitCount);
            waiter.Node = _queue.AddLast(waiter);
            _queuedPermits += permitCount;
            ScheduleNextToken(now);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((Waiter)state!).Owner.Cancel((Waiter)state!, token), waiter);
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Waiter[] abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _queue];
            _queue.Clear();
            _queuedPermits = 0;
        }

        _timer.Dispose();
        foreach (var waiter in abandoned)
        {
            waiter.Cancellation.Dispose();
            waiter.Completion.TrySetResult(Lease.Refused);
        }
    }

    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private void ThrowIfAboveLimit(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit, nameof(permitCount));

    // Callers hold _gate. Waiters keep their turn: nobody takes a token past a queue.
    private bool TryTake(int permitCount)
    {
        if (_queue.Count > 0 || !Covers(permitCount))
        {
            return false;
        }

        Take(permitCount);
        return true;
    }

    // Callers hold _gate. A request for no permits still waits for a token to be there, as it would for one.
    private bool Covers(int permitCount) => _tokens >= Math.Max(permitCount, 1);

    // Callers hold _gate and have checked Covers.
    private void Take(int permitCount)
    {
        _tokens -= permitCount;
        if (permitCount > 0)
        {
            _fullSince = null;
        }

        _successfulLeases++;
    }

    private Lease Refuse()
    {
        _failedLeases++;
        return Lease.Refused;
    }

    // Callers hold _gate.
    private void Refill(TimeSpan now)
    {
        var periods = (now - _creditedUpTo).Ticks / _period.Ticks;
        if (_queue.Count > 0)
        {
            // Tokens owed to waiters are not capped: a timer that fires late must not cost the queue its turns.
            _tokens = (int)Math.Min(_tokens + periods, _limit + _queuedPermits);
            _creditedUpTo += TimeSpan.FromTicks(_period.Ticks * periods);
            return;
        }

        if (_tokens + periods >= _limit)
        {
            // Time spent full is not saved up, so the next token taken starts a fresh period.
            _fullSince ??= _tokens < _limit ? _creditedUpTo + TimeSpan.FromTicks(_period.Ticks * (_limit - _tokens)) : _creditedUpTo;
            _tokens = _limit;
            _creditedUpTo = now;
            return;
        }

        _tokens += (int)periods;
        _creditedUpTo += TimeSpan.FromTicks(_period.Ticks * periods);
    }

    // Callers hold _gate and have just refilled, so the next token is due less than one period from now. A timer that fired
    // late may already have left the head of the queue its tokens; it is then served at once.
    private void ScheduleNextToken(TimeSpan now) => _timer.Change(
        Covers(_queue.First!.Value.Permits) ? TimeSpan.Zero : _period - (now - _creditedUpTo),
        Timeout.InfiniteTimeSpan);

    private void ServeQueue()
    {
        List<Waiter>? served = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now();
            Refill(now);
            while (_queue.First is { Value: var next } && Covers(next.Permits))
            {
                _queue.RemoveFirst();
                next.Node = null;
                _queuedPermits -= next.Permits;
                Take(next.Permits);
                (served ??= []).Add(next);
            }

            if (_queue.Count > 0)
            {
                ScheduleNextToken(now);
            }
            else
            {
                // Brings what the waiters left back under the limit.
                Refill(now);
            }
        }

        // Completed outside the lock, and continuations run elsewhere: a timer callback must not run the callers' code.
        foreach (var waiter in served ?? [])
        {
            waiter.Cancellation.Dispose();
            waiter.Completion.TrySetResult(Lease.Granted);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (waiter.Node is null)
            {
                // Already served, refused by disposal, or cancelled.
                return;
            }

            _queue.Remove(waiter.Node);
            waiter.Node = null;
            _queuedPermits -= waiter.Permits;
        }

        waiter.Completion.TrySetCanceled(token);
    }

    private sealed class Waiter(ClockedTokenBucket owner, int permits)
    {
        public ClockedTokenBucket Owner { get; } = owner;

        public int Permits { get; } = permits;

        // The callers' continuations run on the thread pool, not inside the timer callback that serves them.
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Null once the waiter has left the queue, which is how a late cancellation knows it has nothing to undo.
        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    private sealed class Lease(bool isAcquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
