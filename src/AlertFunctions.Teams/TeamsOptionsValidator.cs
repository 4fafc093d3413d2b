using System.Net;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams;

/// <summary>
/// Start-up checks for <see cref="TeamsOptions"/>. Messages name the setting and the rule but never repeat the webhook URL,
/// because start-up failures end up in logs and that URL is a secret.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public const int MinRequestsPerSecond = 1;
    public const int MaxRequestsPerSecond = 50;
    public const int MinAttempts = 1;
    public const int MaxAttempts = 10;

    // Polly refuses timeouts under 10 ms.
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxRetryAfterCeiling = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        ValidateWebhookUrl(options.WebhookUrl, failures);
        ValidateAlertLinkBaseUrl(options.AlertLinkBaseUrl, failures);

        if (options.MaxRequestsPerSecond is < MinRequestsPerSecond or > MaxRequestsPerSecond)
        {
            failures.Add($"Teams:MaxRequestsPerSecond must be between {MinRequestsPerSecond} and {MaxRequestsPerSecond}.");
        }

        if (options.MaxAttempts is < MinAttempts or > MaxAttempts)
        {
            failures.Add($"Teams:MaxAttempts must be between {MinAttempts} and {MaxAttempts}.");
        }

        if (options.AttemptTimeout < MinTimeout || options.AttemptTimeout > MaxAttemptTimeout)
        {
            failures.Add("Teams:AttemptTimeout must be between 10 milliseconds and 5 minutes.");
        }

        if (options.TotalTimeout < MinTimeout || options.TotalTimeout > MaxTotalTimeout)
        {
            failures.Add("Teams:TotalTimeout must be between 10 milliseconds and 30 minutes.");
        }
        else if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add("Teams:TotalTimeout must not be shorter than Teams:AttemptTimeout.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > MaxRetryAfterCeiling)
        {
            failures.Add("Teams:MaxRetryAfter must be between 0 and 10 minutes.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > MaxRetryBaseDelay)
        {
            failures.Add("Teams:RetryBaseDelay must be between 0 and 1 minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhookUrl(string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add("Teams:WebhookUrl is required.");
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            failures.Add("Teams:WebhookUrl must be an absolute URI.");
            return;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps;
        var localPlainHttp = uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);
        if (!secure && !localPlainHttp)
        {
            failures.Add("Teams:WebhookUrl must use https (http is allowed only for a loopback host such as 127.0.0.1 or localhost).");
        }
    }

    private static void ValidateAlertLinkBaseUrl(string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add("Teams:AlertLinkBaseUrl is required.");
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Teams:AlertLinkBaseUrl must be an absolute http or https URI.");
            return;
        }

        // Links are pasted around and stored in chat history: a function key in a query string would leak with them.
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            failures.Add("Teams:AlertLinkBaseUrl must not contain a query string, a fragment or user info (never put a key in a link).");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
