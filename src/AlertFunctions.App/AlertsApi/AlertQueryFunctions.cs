using System.Net;
using AlertFunctions.App.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.AlertsApi;

/// <summary><c>GET api/alerts</c> and <c>GET api/alerts/{id}</c>, for callers holding a function key.</summary>
public sealed class AlertQueryFunctions(IAlertQueries queries, ILogger<AlertQueryFunctions> logger)
{
    public const string ListName = "ListAlerts";
    public const string GetName = "GetAlert";

    [Function(ListName)]
    public async Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        if (!AlertListQueryParser.TryParse(request.Query, out var query, out var error))
        {
            return await JsonResponse.ErrorAsync(request, HttpStatusCode.BadRequest, error, cancellationToken);
        }

        var alerts = await queries.ListRecentAsync(query, cancellationToken);
        logger.LogInformation(
            "Listed {AlertCount} alerts for platform {Platform}, status {Status}, the last {Days} days, at most {Max}",
            alerts.Count,
            query.Platform,
            query.Status,
            query.Days,
            query.Max);
        return await JsonResponse.CreateAsync(
            request,
            HttpStatusCode.OK,
            new AlertListResponse(alerts),
            AppJsonContext.Default.AlertListResponse,
            cancellationToken);
    }

    [Function(GetName)]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts/{id}")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!AlertIdFormat.IsPlausible(id))
        {
            return await JsonResponse.ErrorAsync(request, HttpStatusCode.BadRequest, "The alert id is not valid.", cancellationToken);
        }

        var alert = await queries.GetAsync(id, cancellationToken);
        if (alert is null)
        {
            logger.LogInformation("Alert {AlertId} was requested but does not exist", id);
            return await JsonResponse.ErrorAsync(request, HttpStatusCode.NotFound, $"There is no alert '{id}'.", cancellationToken);
        }

        return await JsonResponse.CreateAsync(request, HttpStatusCode.OK, alert, AppJsonContext.Default.AlertView, cancellationToken);
    }
}
