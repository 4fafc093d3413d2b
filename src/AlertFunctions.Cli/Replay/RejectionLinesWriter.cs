using System.Text;
using System.Text.Json;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Writes refused lines as JSON lines: line number, reason code, message and the raw line. The raw bytes are kept as text
/// when they are valid UTF-8 and as base64 otherwise, so the original can always be recovered. A line longer than the
/// reader keeps has only its first bytes there: <c>rawTruncated</c> says so and <c>lineBytes</c> gives its real length,
/// so the line cannot be mistaken for one that ended there.
/// </summary>
internal sealed class RejectionLinesWriter(Stream output) : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Utf8JsonWriter _writer = new(output);

    public void Write(Rejection rejection)
    {
        _writer.WriteStartObject();
        _writer.WriteNumber("line", rejection.LineNumber);
        _writer.WriteString("reason", rejection.Reason.Code);
        _writer.WriteString("message", rejection.Reason.Message);
        try
        {
            _writer.WriteString("raw", StrictUtf8.GetString(rejection.Raw));
        }
        catch (DecoderFallbackException)
        {
            _writer.WriteBase64String("rawBase64", rejection.Raw);
        }

        if (rejection.IsTruncated)
        {
            _writer.WriteBoolean("rawTruncated", true);
            _writer.WriteNumber("lineBytes", rejection.LineBytes);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        output.WriteByte((byte)'\n');
    }

    public void Dispose() => _writer.Dispose();
}
