namespace AlertFunctions.Detection.Contract;

/// <summary>Why an event body was refused. The kebab-case code (<see cref="RejectionReasonCodes"/>) is part of the dead-letter contract.</summary>
public enum RejectionReason
{
    BodyTooLarge,
    EmptyBody,
    InvalidJson,
    NotAnObject,
    MissingField,
    InvalidField,
    AmountNotPositive,
    AmountNotANumber,
    AmountTooLarge,
    TimestampUnparsable,
    TimestampNotUtc,
    TimestampInFuture,
    TimestampTooOld,
}

public static class RejectionReasonCodes
{
    public static string ToCode(this RejectionReason reason) => reason switch
    {
        RejectionReason.BodyTooLarge => "body-too-large",
        RejectionReason.EmptyBody => "empty-body",
        RejectionReason.InvalidJson => "invalid-json",
        RejectionReason.NotAnObject => "not-an-object",
        RejectionReason.MissingField => "missing-field",
        RejectionReason.InvalidField => "invalid-field",
        RejectionReason.AmountNotPositive => "amount-not-positive",
        RejectionReason.AmountNotANumber => "amount-not-a-number",
        RejectionReason.AmountTooLarge => "amount-too-large",
        RejectionReason.TimestampUnparsable => "timestamp-unparsable",
        RejectionReason.TimestampNotUtc => "timestamp-not-utc",
        RejectionReason.TimestampInFuture => "timestamp-in-future",
        RejectionReason.TimestampTooOld => "timestamp-too-old",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
