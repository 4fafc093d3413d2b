namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// What a key row written by a save that spans several transactions carries so a load can take the write back if the save
/// stops before its last transaction (the one that advances the checkpoint): the row's committed payload, or the fact that
/// the row did not exist. A save that fits one transaction is atomic and writes rows with <see cref="None"/>.
/// </summary>
internal readonly record struct RowUndo(bool IsUndoable, byte[]? PreviousPayload)
{
    public static RowUndo None => default;

    /// <summary>The key had no committed row: taking the write back means the key is absent.</summary>
    public static RowUndo Absent => new(true, null);

    public static RowUndo Restore(byte[] previousPayload) => new(true, previousPayload);
}
