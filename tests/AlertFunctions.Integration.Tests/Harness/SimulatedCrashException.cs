namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>Stands for the worker dying at the point a <see cref="TransactionCrashPolicy"/> was armed for.</summary>
internal sealed class SimulatedCrashException() : Exception("Simulated crash: the worker died before the detector-state save reached storage.");
