namespace AlertFunctions.Detection.Contract;

/// <summary>Either a valid <see cref="WithdrawalEvent"/> or the reason it was refused; never both, never neither.</summary>
public readonly struct ParseResult
{
    private ParseResult(WithdrawalEvent value, EventRejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public bool IsValid => Rejection is null;

    /// <summary>The event; only meaningful when <see cref="IsValid"/>.</summary>
    public WithdrawalEvent Value { get; }

    public EventRejection? Rejection { get; }

    public static ParseResult Valid(in WithdrawalEvent value) => new(value, null);

    public static ParseResult Invalid(RejectionReason reason, string message) => new(default, new EventRejection(reason, message));
}
