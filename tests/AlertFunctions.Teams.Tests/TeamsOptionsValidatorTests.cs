using Xunit;

namespace AlertFunctions.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    private const string SecretWebhook = "http://hooks.example.test/workflows/1/invoke?sig=do-not-print-me";

    [Fact]
    public void Ctor_Defaults_Ok()
    {
        var options = new TeamsOptions();

        Assert.Null(options.WebhookUrl);
        Assert.Null(options.AlertLinkBaseUrl);
        Assert.Equal(4, options.MaxRequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TotalTimeout);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal("Teams", TeamsOptions.SectionName);
    }

    [Fact]
    public void Validate_DefaultsWithRequiredUrls_Succeeds()
    {
        var result = new TeamsOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("https://prod-01.westeurope.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?sig=abc")]
    public void Validate_HttpsOrLoopbackHttpWebhook_Succeeds(string url)
    {
        var options = Valid();
        options.WebhookUrl = url;

        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, "Teams:WebhookUrl is required.")]
    [InlineData("", "Teams:WebhookUrl is required.")]
    [InlineData("   ", "Teams:WebhookUrl is required.")]
    [InlineData("workflows/1/invoke", "Teams:WebhookUrl must be an absolute URI.")]
    [InlineData(SecretWebhook, "Teams:WebhookUrl must use https (http is allowed only for a loopback host such as 127.0.0.1 or localhost).")]
    [InlineData("ftp://hooks.example.test/x", "Teams:WebhookUrl must use https (http is allowed only for a loopback host such as 127.0.0.1 or localhost).")]
    public void Validate_BadWebhookUrl_FailsWithMessage(string? url, string expected)
    {
        var options = Valid();
        options.WebhookUrl = url;

        AssertSingleFailure(options, expected);
    }

    [Fact]
    public void Validate_BadWebhookUrl_NeverEchoesTheUrl()
    {
        var options = Valid();
        options.WebhookUrl = SecretWebhook;

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.DoesNotContain("do-not-print-me", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks.example.test", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Teams:AlertLinkBaseUrl is required.")]
    [InlineData("", "Teams:AlertLinkBaseUrl is required.")]
    [InlineData("api/alerts", "Teams:AlertLinkBaseUrl must be an absolute http or https URI.")]
    [InlineData("ftp://alerts.example.test/api", "Teams:AlertLinkBaseUrl must be an absolute http or https URI.")]
    [InlineData("https://alerts.example.test/api?code=functionkey", "Teams:AlertLinkBaseUrl must not contain a query string, a fragment or user info (never put a key in a link).")]
    [InlineData("https://alerts.example.test/api#top", "Teams:AlertLinkBaseUrl must not contain a query string, a fragment or user info (never put a key in a link).")]
    [InlineData("https://user:pass@alerts.example.test/api", "Teams:AlertLinkBaseUrl must not contain a query string, a fragment or user info (never put a key in a link).")]
    public void Validate_BadAlertLinkBaseUrl_FailsWithMessage(string? url, string expected)
    {
        var options = Valid();
        options.AlertLinkBaseUrl = url;

        AssertSingleFailure(options, expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-4)]
    public void Validate_MaxRequestsPerSecondOutOfRange_FailsWithMessage(int value)
    {
        var options = Valid();
        options.MaxRequestsPerSecond = value;

        AssertSingleFailure(options, "Teams:MaxRequestsPerSecond must be between 1 and 50.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validate_MaxAttemptsOutOfRange_FailsWithMessage(int value)
    {
        var options = Valid();
        options.MaxAttempts = value;

        AssertSingleFailure(options, "Teams:MaxAttempts must be between 1 and 10.");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.009")]
    [InlineData("00:05:00.001")]
    [InlineData("-00:00:01")]
    public void Validate_AttemptTimeoutOutOfRange_FailsWithMessage(string value)
    {
        var options = Valid();
        options.AttemptTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        options.TotalTimeout = TimeSpan.FromMinutes(10);

        AssertSingleFailure(options, "Teams:AttemptTimeout must be between 10 milliseconds and 5 minutes.");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:30:00.001")]
    public void Validate_TotalTimeoutOutOfRange_FailsWithMessage(string value)
    {
        var options = Valid();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(10);
        options.TotalTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        AssertSingleFailure(options, "Teams:TotalTimeout must be between 10 milliseconds and 30 minutes.");
    }

    [Fact]
    public void Validate_TotalTimeoutShorterThanAttemptTimeout_FailsWithMessage()
    {
        var options = Valid();
        options.AttemptTimeout = TimeSpan.FromSeconds(30);
        options.TotalTimeout = TimeSpan.FromSeconds(20);

        AssertSingleFailure(options, "Teams:TotalTimeout must not be shorter than Teams:AttemptTimeout.");
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:10:00.001")]
    public void Validate_MaxRetryAfterOutOfRange_FailsWithMessage(string value)
    {
        var options = Valid();
        options.MaxRetryAfter = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        AssertSingleFailure(options, "Teams:MaxRetryAfter must be between 0 and 10 minutes.");
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:01:00.001")]
    public void Validate_RetryBaseDelayOutOfRange_FailsWithMessage(string value)
    {
        var options = Valid();
        options.RetryBaseDelay = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        AssertSingleFailure(options, "Teams:RetryBaseDelay must be between 0 and 1 minute.");
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEach()
    {
        var options = new TeamsOptions { MaxAttempts = 0 };

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Teams:WebhookUrl is required.", "Teams:AlertLinkBaseUrl is required.", "Teams:MaxAttempts must be between 1 and 10."],
            result.Failures);
    }

    private static TeamsOptions Valid() => new()
    {
        WebhookUrl = "https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=abc",
        AlertLinkBaseUrl = "https://alerts.example.test/api",
    };

    private static void AssertSingleFailure(TeamsOptions options, string expected)
    {
        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(expected, Assert.Single(result.Failures!));
    }
}
