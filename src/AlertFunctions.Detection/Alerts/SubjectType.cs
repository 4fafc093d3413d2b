namespace AlertFunctions.Detection.Alerts;

/// <summary>What an alert is about. Serialized camelCase: <c>sourceWallet</c>, <c>account</c>, <c>destination</c>, <c>platform</c>.</summary>
public enum SubjectType
{
    SourceWallet,
    Account,
    Destination,
    Platform,
}

public static class SubjectTypeNames
{
    public static string ToName(this SubjectType type) => type switch
    {
        SubjectType.SourceWallet => "sourceWallet",
        SubjectType.Account => "account",
        SubjectType.Destination => "destination",
        SubjectType.Platform => "platform",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static SubjectType Parse(string name) => name switch
    {
        "sourceWallet" => SubjectType.SourceWallet,
        "account" => SubjectType.Account,
        "destination" => SubjectType.Destination,
        "platform" => SubjectType.Platform,
        _ => throw new FormatException($"'{name}' is not a subject type."),
    };
}
