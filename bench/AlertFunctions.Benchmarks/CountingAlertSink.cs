using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Benchmarks;

/// <summary>Counts alert changes, so the work that makes them cannot be optimised away and the count can be checked.</summary>
internal sealed class CountingAlertSink : IAlertSink
{
    public int Changes { get; private set; }

    public void OnAlertChange(in AlertChange change) => Changes++;
}
