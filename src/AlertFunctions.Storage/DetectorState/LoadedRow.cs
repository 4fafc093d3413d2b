using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// A key row as a load sees it against the checkpoint. <see cref="Entry"/> is the committed state (null when the key has none);
/// <see cref="HoldsUncommittedWrite"/> says the row itself still holds an unfinished save's write, which the next save must
/// overwrite or delete.
/// </summary>
internal readonly record struct LoadedRow(string Key, DetectorStateEntry? Entry, bool HoldsUncommittedWrite);
