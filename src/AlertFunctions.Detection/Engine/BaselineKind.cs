namespace AlertFunctions.Detection.Engine;

/// <summary>Which normal a window was compared with: the learned one, the provisional one (earlier part of the long window), or none yet.</summary>
internal enum BaselineKind
{
    Cold,
    Provisional,
    Learned,
}
