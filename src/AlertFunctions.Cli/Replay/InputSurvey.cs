namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The replay's first pass over a file, which can be read twice: each platform's source wallets (<see cref="SourceWalletScan"/>)
/// and whether the events are in an order the replay can take as it comes (<see cref="EventOrderCheck"/>), with how many
/// events each platform has (its engine's memory of event ids is made at that size). Standard input is read once and
/// replayed without it (<see cref="NotRead"/>).
/// </summary>
internal sealed record InputSurvey(
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownWallets,
    InputOrder Order,
    IReadOnlyDictionary<string, long> EventsByPlatform,
    IReadOnlySet<string> PlatformsInOrder)
{
    /// <summary>A file at least this long is read in slices on as many threads as there are cores (see <see cref="Read"/>).</summary>
    public const long ParallelFromBytes = 4 * 1024 * 1024;

    // Slices per file, and the least a slice holds: enough slices that the threads finish together even when one of them
    // is held up (measured: two fixed halves of the 280,000-event file took 49 and 49 ms in a quiet run, but 52 and 69 or
    // 59 and 80 ms in others, the replay waiting on the slower), few enough that each is a long sequential read.
    private const int SlicesPerFile = 32;
    private const long MinSliceBytes = 1024 * 1024;

    public static InputSurvey NotRead { get; } = new(new Dictionary<string, IReadOnlyCollection<string>>(), InputOrder.NotChecked, new Dictionary<string, long>(), new HashSet<string>());

    /// <summary>
    /// Reads the stream from its current position to the end and rewinds it there, so the main pass reads it again; a
    /// stream that cannot seek (standard input) is not read (<see cref="NotRead"/>). A file of at least
    /// <see cref="ParallelFromBytes"/> is cut into slices at line starts (<paramref name="sliceBytes"/> each, or a
    /// thirty-second of the file, at least a megabyte, when not given), which the threads take one at a time; the
    /// slices' results are joined in file order into what one pass gives (this pass ran alone on one core before the
    /// replay and took about 0.16 s of a 1.5 s replay of the 280,000-event file).
    /// </summary>
    public static InputSurvey Read(Stream input, TimeSpan lateness, AcceptedTimes accepted, long? sliceBytes = null)
    {
        if (!input.CanSeek)
        {
            return NotRead;
        }

        var (start, end) = (input.Position, input.Length);
        var length = end - start;
        InputSurvey survey;
        if (input is FileStream file && (sliceBytes is not null || length >= ParallelFromBytes))
        {
            var bounds = LineAlignedSlices.Bounds(file.SafeFileHandle, start, end, sliceBytes ?? Math.Max(MinSliceBytes, length / SlicesPerFile));
            survey = ReadInSlices(file, bounds, lateness, accepted);
        }
        else
        {
            var pass = new SurveyPass(lateness, accepted);
            pass.Read(input, startsFile: true);
            survey = Of(pass.Wallets, pass.Order);
        }

        input.Position = start;
        return survey;
    }

    private static InputSurvey ReadInSlices(FileStream file, IReadOnlyList<long> bounds, TimeSpan lateness, AcceptedTimes accepted)
    {
        var handle = file.SafeFileHandle;
        var passes = new SurveyPass[bounds.Count - 1];
        var next = -1;
        void TakeSlices()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < passes.Length;)
            {
                passes[i] = new SurveyPass(lateness, accepted);
                passes[i].Read(new FileSlice(handle, bounds[i], bounds[i + 1]), startsFile: i == 0);
            }
        }

        var helpers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, passes.Length) - 1)
            .Select(_ => Task.Factory.StartNew(TakeSlices, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            TakeSlices();
        }
        catch
        {
            // The helpers take no more slices; they stop after the one they are reading.
            Interlocked.Exchange(ref next, passes.Length);
            throw;
        }
        finally
        {
            // Even when this thread failed: the helpers read through the caller's file handle.
            foreach (var helper in helpers)
            {
                ((IAsyncResult)helper).AsyncWaitHandle.WaitOne();
            }
        }

        foreach (var helper in helpers)
        {
            // The helper's own exception (an I/O error the command reports), not an AggregateException.
            helper.GetAwaiter().GetResult();
        }

        var first = passes[0];
        var order = first.Order;
        var linesBefore = first.Lines;
        for (var i = 1; i < passes.Length; i++)
        {
            first.Wallets.Append(passes[i].Wallets);
            if (!order.TryAppend(passes[i].Order, linesBefore))
            {
                // This slice has events too far behind the slices before it: a file to be sorted, whose order is checked again.
                passes[i].ReadOrderAfter(order, new FileSlice(handle, bounds[i], bounds[i + 1]));
                order.Append(passes[i].Order, linesBefore);
            }

            linesBefore += passes[i].Lines;
        }

        return Of(first.Wallets, order);
    }

    private static InputSurvey Of(SourceWalletScan wallets, EventOrderCheck order) =>
        new(wallets.Wallets, order.Result, order.EventsByPlatform, order.PlatformsInOrder);
}
