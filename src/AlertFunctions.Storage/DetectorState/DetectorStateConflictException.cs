namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// Another writer changed the scope's detector state after this writer loaded it. The save was refused rather than overwrite
/// the other writer's work; the caller reloads the scope and re-applies its batch (or gives the partition up).
/// </summary>
public sealed class DetectorStateConflictException : Exception
{
    public DetectorStateConflictException(string scope, long generation, Exception innerException)
        : base(
            $"Detector state for scope '{scope}' was changed by another writer after it was loaded at generation {generation}; " +
            "the save was refused so neither writer silently overwrites the other. Reload the scope and re-apply the batch.",
            innerException)
    {
        Scope = scope;
        Generation = generation;
    }

    public string Scope { get; }

    /// <summary>The generation the refused save was based on.</summary>
    public long Generation { get; }
}
