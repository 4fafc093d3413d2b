using System.Threading.Channels;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Threads that parse blocks of lines for the replay's reading thread. Why: with detection spread over several lanes,
/// the one thread that read and parsed every line became the replay's longest; now it only splits lines and routes
/// parsed events, in input order, so results never depend on which worker parsed what. Each worker has its own parser
/// (and string pool). Blocks go to whichever worker is free; the reading thread waits for each block in turn.
/// </summary>
internal sealed class ParseWorkers
{
    private readonly Channel<LineBlock> _blocks;
    private readonly Task[] _workers;

    /// <param name="count">How many worker threads.</param>
    /// <param name="newParser">Makes one worker's parser; called on the worker's thread.</param>
    /// <param name="maxLineBytes">The reader's line limit, named in a truncated line's rejection.</param>
    public ParseWorkers(int count, Func<WithdrawalEventParser> newParser, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // The workers wait by blocking: see DetectionLane's channels for why continuations run inline.
        _blocks = Channel.CreateUnbounded<LineBlock>(new UnboundedChannelOptions { SingleWriter = true, AllowSynchronousContinuations = true });
        _workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            _workers[i] = Task.Factory.StartNew(
                () => Work(newParser(), maxLineBytes), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    public int Count => _workers.Length;

    /// <summary>Queues a block to be parsed; its <see cref="LineBlock.WaitParsed"/> returns once it is. The caller bounds how many are queued.</summary>
    public void Submit(LineBlock block) => _blocks.Writer.TryWrite(block);

    /// <summary>No more blocks: the workers end once the queued ones are parsed.</summary>
    public void Complete()
    {
        _blocks.Writer.TryComplete();
        Task.WaitAll(_workers);
    }

    private void Work(WithdrawalEventParser parser, int maxLineBytes)
    {
        var reader = _blocks.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var block))
            {
                block.Parse(parser, maxLineBytes);
            }
        }
    }
}
