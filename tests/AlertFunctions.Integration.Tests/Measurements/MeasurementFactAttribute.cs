namespace AlertFunctions.Integration.Tests.Measurements;

/// <summary>
/// A measurement, not a check: it runs only when <c>ALERTFUNCTIONS_MEASURE=1</c>, so the default test run stays fast.
/// <c>ALERTFUNCTIONS_MEASURE=1 dotnet test tests/AlertFunctions.Integration.Tests --filter Category=Measurement --logger "console;verbosity=detailed"</c>
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MeasurementFactAttribute : FactAttribute
{
    public const string Variable = "ALERTFUNCTIONS_MEASURE";

    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A measurement; set {Variable}=1 to run it.";
        }
    }
}
