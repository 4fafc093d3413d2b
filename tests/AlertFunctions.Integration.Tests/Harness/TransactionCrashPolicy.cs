using Azure.Core;
using Azure.Core.Pipeline;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>
/// An Azure SDK pipeline policy for one table client: while armed, every entity group transaction (<c>POST …/$batch</c>, which
/// is how the detector-state store saves) fails before it leaves the process, as if the worker died right before the save.
/// Reads and every other client go through untouched, so everything the processor wrote before the save is really in Azurite.
/// With <paramref name="transactionsBeforeCrash"/> the first transactions land, as when the worker dies part-way through a
/// save that needs several.
/// </summary>
internal sealed class TransactionCrashPolicy(int transactionsBeforeCrash = 0) : HttpPipelinePolicy
{
    private volatile bool _armed = true;
    private int _landed;

    public int Crashes { get; private set; }

    public void Disarm() => _armed = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfCrashing(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfCrashing(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void ThrowIfCrashing(HttpMessage message)
    {
        if (_armed && message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            if (_landed < transactionsBeforeCrash)
            {
                _landed++;
                return;
            }

            Crashes++;
            throw new SimulatedCrashException();
        }
    }
}
