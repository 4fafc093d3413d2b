namespace AlertFunctions.Detection.Contract;

/// <summary>A refused event body: the reason code and a sentence a producer can act on. The raw payload travels beside it.</summary>
public sealed record EventRejection(RejectionReason Reason, string Message)
{
    public string Code => Reason.ToCode();

    public override string ToString() => $"{Code}: {Message}";
}
