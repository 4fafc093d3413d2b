using System.Globalization;
using System.Text;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Validation;

/// <summary>
/// The one-line report of a refused event, <c>line N: code: message</c>, meant for producers' CI logs and grep. Control
/// characters an event smuggled into the message (an escaped newline in a quoted value) are shown as \uXXXX so one
/// refusal is always one line.
/// </summary>
internal static class RejectionLine
{
    public static string Format(long lineNumber, EventRejection rejection) =>
        string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {rejection.Code}: {EscapeControl(rejection.Message)}");

    private static string EscapeControl(string message)
    {
        if (!message.Any(char.IsControl))
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 16);
        foreach (var c in message)
        {
            if (char.IsControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
