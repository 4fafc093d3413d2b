namespace AlertFunctions.Cli.Send;

/// <summary>
/// The outcome of <c>send</c>. Read = valid + rejected; valid = sent + failed + skipped. Rejected events were never
/// offered to Event Hubs; failed and skipped ones were valid but did not get there.
/// </summary>
internal sealed record SendReport(long Read, long Valid, long Rejected, long Sent, long Failed, long Skipped, int Batches, IReadOnlyList<SendFailure> Failures)
{
    public long NotSent => Failed + Skipped;
}
