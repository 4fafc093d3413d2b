using System.Text.Json;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Cli.Replay;

/// <summary>Writes alerts as JSON lines (the stored alert shape), in the order they were raised: byte-identical for the same input.</summary>
internal static class AlertLinesWriter
{
    public static void Write(Stream output, IEnumerable<Alert> alerts)
    {
        using var writer = new Utf8JsonWriter(output);
        foreach (var alert in alerts)
        {
            JsonSerializer.Serialize(writer, alert, AlertJsonContext.Default.Alert);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }
}
