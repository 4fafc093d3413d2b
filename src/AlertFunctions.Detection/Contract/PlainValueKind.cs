namespace AlertFunctions.Detection.Contract;

/// <summary>The kind of a member's value in the plain form.</summary>
internal enum PlainValueKind
{
    String,
    Number,
    Null,
    Boolean,
}
