using AlertFunctions.Detection.Alerts;
using AlertFunctions.Teams.Delivery;

namespace AlertFunctions.Teams;

/// <summary>Tells the on-call channel about an alert. Never throws for a delivery failure: the result says what happened.</summary>
public interface ITeamsNotifier
{
    Task<TeamsDeliveryResult> NotifyAsync(Alert alert, CancellationToken cancellationToken = default);
}
