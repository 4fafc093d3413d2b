namespace AlertFunctions.Detection.Contract;

/// <summary>What <see cref="EventTimestamp"/> made of a value; the parser turns the failures into rejection reasons.</summary>
internal enum EventTimestampReading
{
    Utc,
    Unparsable,
    NoOffset,
}
