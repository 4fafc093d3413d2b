using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams.Delivery;

/// <summary>Log events of Teams delivery. None takes the webhook URL: it is a secret.</summary>
internal static partial class TeamsDeliveryLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Teams accepted the message with {StatusCode} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, int statusCode, int attempts);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Teams delivery attempt {Attempt} failed ({Outcome}); retrying in {RetryDelay}")]
    public static partial void Retrying(ILogger logger, Exception? exception, int attempt, string outcome, TimeSpan retryDelay);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Teams delivery failed after {Attempts} attempt(s): {Error}")]
    public static partial void Failed(ILogger logger, Exception? exception, int attempts, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Teams message not sent: {Error}")]
    public static partial void Refused(ILogger logger, string error);
}
