using System.Diagnostics.CodeAnalysis;
using System.Net;
using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Responder;

/// <summary>
/// The pages a Teams card links to: <c>GET api/respond/alerts/{id}</c> shows an alert, <c>api/respond/alerts/{id}/ack</c>
/// shows it too on GET and acknowledges it on POST. A browser cannot send a function key and no secret may sit in a link, so
/// these routes are anonymous to the Functions host and instead require App Service Authentication: the signed-in user's name
/// is what gets recorded. GET never changes state, because link previewers fetch links nobody clicked.
/// </summary>
public sealed class ResponderFunctions(
    IAlertQueries queries,
    IAlertResponderActions actions,
    IConfiguration configuration,
    ILogger<ResponderFunctions> logger)
{
    public const string PageName = "RespondAlertPage";
    public const string AcknowledgeName = "RespondAcknowledge";

    [Function(PageName)]
    public Task<HttpResponseData> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "respond/alerts/{id}")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ShowAsync(request, id, request.Url.AbsolutePath.TrimEnd('/') + "/ack", cancellationToken);

    [Function(AcknowledgeName)]
    public async Task<HttpResponseData> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "respond/alerts/{id}/ack")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken)
    {
        var acknowledgeAction = request.Url.AbsolutePath;
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return await ShowAsync(request, id, acknowledgeAction, cancellationToken);
        }

        if (!TryAuthenticate(request, out var by))
        {
            return await UnauthorizedAsync(request, cancellationToken);
        }

        if (!SameOriginPolicy.Allows(request.Url, Header(request, "Origin"), Header(request, "Sec-Fetch-Site")))
        {
            logger.LogWarning("Refused a cross-site acknowledgement of alert {AlertId} for {Actor}", id, by);
            return await MessageAsync(
                request,
                HttpStatusCode.Forbidden,
                "Refused",
                "This acknowledgement was sent from another site. Open the alert page and use its button.",
                cancellationToken);
        }

        if (!AlertIdFormat.IsPlausible(id))
        {
            return await MessageAsync(request, HttpStatusCode.BadRequest, "Not an alert", "The alert id is not valid.", cancellationToken);
        }

        var result = await actions.AcknowledgeAsync(id, by, cancellationToken);
        logger.LogInformation("Alert {AlertId} acknowledged by {Actor} from the responder page: {Outcome}", id, by, result.Outcome);
        if (result.Alert is not { } alert)
        {
            return await NotFoundAsync(request, id, cancellationToken);
        }

        var notice = result.Outcome switch
        {
            ResponderActionOutcome.Applied => $"Acknowledged. Thank you, {by}.",
            ResponderActionOutcome.Conflict => "This alert is already resolved; it was not acknowledged.",
            _ => "This alert was already acknowledged; nothing changed.",
        };
        var status = result.Outcome == ResponderActionOutcome.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.OK;
        return await HtmlResponse.CreateAsync(
            request,
            status,
            ResponderPageRenderer.RenderAlert(alert, acknowledgeAction, by, notice),
            cancellationToken);
    }

    private async Task<HttpResponseData> ShowAsync(
        HttpRequestData request,
        string id,
        string acknowledgeAction,
        CancellationToken cancellationToken)
    {
        if (!TryAuthenticate(request, out var signedInAs))
        {
            return await UnauthorizedAsync(request, cancellationToken);
        }

        if (!AlertIdFormat.IsPlausible(id))
        {
            return await MessageAsync(request, HttpStatusCode.BadRequest, "Not an alert", "The alert id is not valid.", cancellationToken);
        }

        var alert = await queries.GetAsync(id, cancellationToken);
        if (alert is null)
        {
            return await NotFoundAsync(request, id, cancellationToken);
        }

        return await HtmlResponse.CreateAsync(
            request,
            HttpStatusCode.OK,
            ResponderPageRenderer.RenderAlert(alert, acknowledgeAction, signedInAs, notice: null),
            cancellationToken);
    }

    private bool TryAuthenticate(HttpRequestData request, [NotNullWhen(true)] out string? name)
    {
        if (!AppServiceAuthentication.IsEnabled(configuration))
        {
            logger.LogWarning(
                "A responder page was requested but App Service Authentication is off ({Setting} is not True); answering 401",
                AppServiceAuthentication.EnabledSetting);
        }

        return ResponderIdentity.TryResolve(configuration, header => Header(request, header), out name);
    }

    private Task<HttpResponseData> UnauthorizedAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        var signIn = AppServiceAuthentication.IsEnabled(configuration)
            ? AppServiceAuthentication.SignInUrl(request.Url.AbsolutePath)
            : null;
        var message = signIn is null
            ? "Sign-in is not available: App Service Authentication is not enabled for this app."
            : "Sign in with your organization account to see and acknowledge alerts.";
        return MessageAsync(request, HttpStatusCode.Unauthorized, "Sign-in required", message, cancellationToken, signIn);
    }

    private Task<HttpResponseData> NotFoundAsync(HttpRequestData request, string id, CancellationToken cancellationToken) =>
        MessageAsync(request, HttpStatusCode.NotFound, "Alert not found", $"There is no alert '{id}'.", cancellationToken);

    private static Task<HttpResponseData> MessageAsync(
        HttpRequestData request,
        HttpStatusCode status,
        string title,
        string message,
        CancellationToken cancellationToken,
        string? signInUrl = null) =>
        HtmlResponse.CreateAsync(request, status, ResponderPageRenderer.RenderMessage(title, message, signInUrl), cancellationToken);

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
