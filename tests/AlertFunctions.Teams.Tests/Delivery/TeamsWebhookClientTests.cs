using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using AlertFunctions.Teams.Cards;
using AlertFunctions.Teams.Delivery;
using AlertFunctions.Teams.Tests.Cards;
using AlertFunctions.Teams.Tests.Fakes;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class TeamsWebhookClientTests
{
    [Fact]
    public async Task PostAsync_Endpoint202_DeliveredOnFirstAttemptWithTheExactBody()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);
        var payload = Payload();

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(payload);

        Assert.Equal(new TeamsDeliveryResult(true, 202, 1, null), result);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(endpoint.WebhookUrl.PathAndQuery, request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(payload.ToString(), request.Body);
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfterSeconds_WaitsAsToldThenDelivers()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Enqueue(FakeResponse.TooManyRequests("1"));
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(true, 202, 2, null), result);
        Assert.Equal(2, endpoint.Requests.Count);
        // Back-off is 10 ms in these tests, so a gap of most of a second can only come from honouring Retry-After.
        var gap = TimeProvider.System.GetElapsedTime(endpoint.Requests[0].ReceivedAt, endpoint.Requests[1].ReceivedAt);
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"second attempt came after {gap}");
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfterHttpDate_RetriesAndDelivers()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Enqueue(FakeResponse.TooManyRequests(TimeProvider.System.GetUtcNow().AddSeconds(1).ToString("R")));
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.True(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_RetryAfterBeyondCap_WaitsOnlyTheCap()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Enqueue(FakeResponse.TooManyRequests("3600"));
        await using var services = TeamsTestServices.Build(
            endpoint.WebhookUrl,
            overrides: new Dictionary<string, string?> { ["Teams:MaxRetryAfter"] = "00:00:00.200", ["Teams:TotalTimeout"] = "00:00:10" });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(true, 202, 2, null), result);
    }

    [Fact]
    public async Task PostAsync_500Then202_DeliveredAfterRetry()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Enqueue(FakeResponse.Status(500));
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(true, 202, 2, null), result);
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal(endpoint.Requests[0].Body, endpoint.Requests[1].Body);
    }

    [Fact]
    public async Task PostAsync_EndpointNeverAnswers_TimesOutEachAttemptAndReportsNotDelivered()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.NoAnswer();
        await using var services = TeamsTestServices.Build(
            endpoint.WebhookUrl,
            overrides: new Dictionary<string, string?>
            {
                ["Teams:AttemptTimeout"] = "00:00:00.300",
                ["Teams:TotalTimeout"] = "00:00:10",
                ["Teams:MaxAttempts"] = "2",
            });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.False(result.Delivered);
        Assert.Null(result.StatusCode);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("No answer from Teams within 00:00:00.3000000.", result.Error);
        Assert.Equal(2, (await endpoint.WaitForRequestsAsync(2)).Count);
    }

    [Fact]
    public async Task PostAsync_EndpointNeverAnswersBeyondTotalTimeout_StopsAtTotalTimeout()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.NoAnswer();
        await using var services = TeamsTestServices.Build(
            endpoint.WebhookUrl,
            overrides: new Dictionary<string, string?>
            {
                ["Teams:AttemptTimeout"] = "00:00:00.500",
                ["Teams:TotalTimeout"] = "00:00:00.800",
                ["Teams:MaxAttempts"] = "5",
            });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.False(result.Delivered);
        Assert.InRange(result.Attempts, 1, 4);
        Assert.Equal("No answer from Teams within 00:00:00.8000000.", result.Error);
    }

    [Fact]
    public async Task PostAsync_AlwaysFailing_NotDeliveredAfterMaxAttemptsWithErrorWithoutUrl()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.Status(502);
        await using var services = TeamsTestServices.Build(
            endpoint.WebhookUrl, overrides: new Dictionary<string, string?> { ["Teams:MaxAttempts"] = "3" });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(false, 502, 3, "Teams answered 502 (BadGateway)."), result);
        Assert.Equal(3, endpoint.Requests.Count);
        AssertNoUrl(result.Error!, endpoint);
    }

    [Fact]
    public async Task PostAsync_NobodyListening_NotDeliveredWithNetworkErrorWithoutUrl()
    {
        var port = FreeTcpPorts.Pick(1)[0];
        var webhook = new Uri($"http://127.0.0.1:{port}/workflows/gone/triggers/manual/paths/invoke?sig=closed-port-secret");
        await using var services = TeamsTestServices.Build(
            webhook, overrides: new Dictionary<string, string?> { ["Teams:MaxAttempts"] = "2" });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.False(result.Delivered);
        Assert.Null(result.StatusCode);
        Assert.Equal(2, result.Attempts);
        Assert.StartsWith("Network error reaching Teams (ConnectionError: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("closed-port-secret", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_400_IsNotRetried()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.Status(400);
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(false, 400, 1, "Teams answered 400 (BadRequest)."), result);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task PostAsync_200_CountsAsDelivered()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.Status(200);
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload());

        Assert.Equal(new TeamsDeliveryResult(true, 200, 1, null), result);
    }

    [Fact]
    public async Task PostAsync_PayloadOverTeamsLimit_IsNotSent()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);
        var oversized = TeamsMessagePayload.FromCard(new JsonObject { ["type"] = "AdaptiveCard", ["filler"] = new string('x', 30_000) });

        var result = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(oversized);

        Assert.False(result.Delivered);
        Assert.Equal(0, result.Attempts);
        Assert.StartsWith("The message is ", result.Error, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task PostAsync_CallerCancels_ThrowsInsteadOfReportingAFailure()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.NoAnswer();
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.GetRequiredService<TeamsWebhookClient>().PostAsync(Payload(), cancel.Token));
    }

    [Fact]
    public async Task PostAsync_ManyAtOnce_ThrottledToTheConfiguredRate()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));
        await using var services = TeamsTestServices.Build(
            endpoint.WebhookUrl, overrides: new Dictionary<string, string?> { ["Teams:MaxRequestsPerSecond"] = "2" }, time: time);
        var client = services.GetRequiredService<TeamsWebhookClient>();
        var throttle = services.GetRequiredService<TeamsRequestThrottle>().Limiter;

        var posts = Enumerable.Range(0, 6).Select(_ => client.PostAsync(Payload())).ToArray();

        // A burst of 2 reaches Teams; the other 4 wait in the throttle until the clock moves.
        await WaitForQueuedAsync(throttle, 4);
        Assert.Equal(2, (await endpoint.WaitForRequestsAsync(2)).Count);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(4, throttle.GetStatistics()!.CurrentQueuedCount);

        // One token every 500 ms.
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForQueuedAsync(throttle, 3);
        Assert.Equal(3, (await endpoint.WaitForRequestsAsync(3)).Count);

        time.Advance(TimeSpan.FromMilliseconds(1500));
        var results = await Task.WhenAll(posts);

        Assert.All(results, result => Assert.True(result.Delivered));
        Assert.Equal(6, endpoint.Requests.Count);
    }

    private static TeamsMessagePayload Payload() => AlertCardFactory.Create().Build(SampleAlerts.Ethereum());

    private static async Task WaitForQueuedAsync(RateLimiter throttle, int queued)
    {
        var started = TimeProvider.System.GetTimestamp();
        long seen;
        while ((seen = throttle.GetStatistics()!.CurrentQueuedCount) != queued)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), $"{seen} requests wait in the throttle, not {queued}");
            await Task.Delay(10);
        }
    }

    private static void AssertNoUrl(string text, FakeTeamsEndpoint endpoint)
    {
        Assert.DoesNotContain(endpoint.Signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.WorkflowPath, text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
    }
}
