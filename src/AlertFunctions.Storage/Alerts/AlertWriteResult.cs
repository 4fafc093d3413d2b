namespace AlertFunctions.Storage.Alerts;

/// <summary>
/// The outcome of an upsert. <see cref="NeedsNotification"/> is true whenever the stored row is owed a notification (state
/// pending), even if this write changed nothing: after a crash between storing and enqueueing, the replay enqueues again.
/// </summary>
public sealed record AlertWriteResult(string AlertId, bool Changed, bool NeedsNotification);
