using System.Text.RegularExpressions;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Removes SAS secrets from text before it reaches the console: the whole connection string, the key and signature
/// values it holds wherever they appear, and any <c>SharedAccessKey=</c>, <c>SharedAccessSignature=</c> or <c>sig=</c>
/// value (an SDK or service message may quote a connection string or a token other than the one given).
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Redacted = "<redacted>";

    private readonly string? _connectionString;
    private readonly string[] _secrets;

    public SecretRedactor(string? connectionString)
    {
        _connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        _secrets = _connectionString is null ? [] : SecretValues(_connectionString);
    }

    public string Redact(string text)
    {
        if (_connectionString is not null)
        {
            text = text.Replace(_connectionString, Redacted, StringComparison.Ordinal);
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = KeyAssignment().Replace(text, $"SharedAccessKey={Redacted}");
        text = SignatureAssignment().Replace(text, $"SharedAccessSignature={Redacted}");
        return SignatureParameter().Replace(text, $"sig={Redacted}");
    }

    private static string[] SecretValues(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2
                && (pair[0].Equals("SharedAccessKey", StringComparison.OrdinalIgnoreCase) || pair[0].Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
                && pair[1].Length >= 4)
            .Select(pair => pair[1])
            .OrderByDescending(value => value.Length)
            .ToArray();

    // A key runs to the next ';', white space, quote, comma or bracket: it is base64, which has none of them, and a message
    // may put one right after it (the send usage hint's "SharedAccessKey=KEY[;EntityPath=HUB]" lost its '[' once). A
    // signature ("SharedAccessSignature sr=...&sig=...") runs to the next ';'.
    [GeneratedRegex(@"SharedAccessKey\s*=\s*[^;\s""',()\[\]{}<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyAssignment();

    [GeneratedRegex(@"SharedAccessSignature\s*=\s*[^;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureAssignment();

    [GeneratedRegex(@"\bsig=[^&;\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureParameter();
}
