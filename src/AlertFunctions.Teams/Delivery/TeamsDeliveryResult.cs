namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// What happened to one post. <see cref="StatusCode"/> is the last answer, null when none came (timeout, network error);
/// <see cref="Attempts"/> counts requests actually sent; <see cref="Error"/> is safe to store and log: it never contains the webhook URL.
/// </summary>
public sealed record TeamsDeliveryResult(bool Delivered, int? StatusCode, int Attempts, string? Error);
