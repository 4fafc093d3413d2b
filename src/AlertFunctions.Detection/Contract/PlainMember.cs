namespace AlertFunctions.Detection.Contract;

/// <summary>What <see cref="PlainJsonObjectReader.Next"/> found.</summary>
internal enum PlainMember
{
    /// <summary>A name and its value.</summary>
    Member,

    /// <summary>The object closed, and nothing but white space follows it.</summary>
    End,

    /// <summary>Something outside the plain form, or not JSON: read the body with the general reader.</summary>
    Declined,
}
