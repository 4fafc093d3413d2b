using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Send;

/// <summary>One checked input line on its way from the reading thread to the sender: an event to send, or a refusal.</summary>
internal sealed record CheckedLine(long LineNumber, OutgoingEvent? Event, EventRejection? Rejection, long BytesRead);
