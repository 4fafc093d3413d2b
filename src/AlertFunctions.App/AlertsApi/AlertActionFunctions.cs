using System.Net;
using AlertFunctions.App.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.AlertsApi;

/// <summary>
/// <c>POST api/alerts/{id}/ack</c> and <c>POST api/alerts/{id}/resolve</c>, for callers holding a function key. The body names
/// who acts: <c>{"by": "alice@example.com"}</c>.
/// </summary>
public sealed class AlertActionFunctions(IAlertResponderActions actions, ILogger<AlertActionFunctions> logger)
{
    public const string AcknowledgeName = "AcknowledgeAlert";
    public const string ResolveName = "ResolveAlert";

    [Function(AcknowledgeName)]
    public Task<HttpResponseData> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{id}/ack")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ActAsync(request, id, "acknowledged", actions.AcknowledgeAsync, cancellationToken);

    [Function(ResolveName)]
    public Task<HttpResponseData> ResolveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{id}/resolve")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ActAsync(request, id, "resolved", actions.ResolveAsync, cancellationToken);

    private async Task<HttpResponseData> ActAsync(
        HttpRequestData request,
        string id,
        string pastTense,
        Func<string, string, CancellationToken, Task<ResponderActionResult>> act,
        CancellationToken cancellationToken)
    {
        if (!AlertIdFormat.IsPlausible(id))
        {
            return await JsonResponse.ErrorAsync(request, HttpStatusCode.BadRequest, "The alert id is not valid.", cancellationToken);
        }

        var body = await request.ReadAsStringAsync();
        if (!ActorRequestParser.TryParse(body, out var by, out var error))
        {
            return await JsonResponse.ErrorAsync(request, HttpStatusCode.BadRequest, error, cancellationToken);
        }

        var result = await act(id, by, cancellationToken);
        logger.LogInformation(
            "Alert {AlertId} {Action} by {Actor} through the API: {Outcome}",
            id,
            pastTense,
            by,
            result.Outcome);

        return result switch
        {
            { Outcome: ResponderActionOutcome.Applied or ResponderActionOutcome.Unchanged, Alert: { } alert } =>
                await JsonResponse.CreateAsync(request, HttpStatusCode.OK, alert, AppJsonContext.Default.AlertView, cancellationToken),
            { Outcome: ResponderActionOutcome.Conflict, Alert: { } alert } =>
                await JsonResponse.ErrorAsync(
                    request,
                    HttpStatusCode.Conflict,
                    $"Alert '{id}' is {alert.Status.ToString().ToLowerInvariant()}; it cannot be {pastTense} now.",
                    cancellationToken),
            _ => await JsonResponse.ErrorAsync(request, HttpStatusCode.NotFound, $"There is no alert '{id}'.", cancellationToken),
        };
    }
}
