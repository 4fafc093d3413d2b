namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Runs an idempotent set-up step (create a table or queue if missing) once per instance. A failure is not cached:
/// the next call tries again, so a transient error at start-up does not poison the store.
/// </summary>
internal sealed class OneTimeSetup(Func<CancellationToken, Task> setup)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await setup(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
