using System.Net;
using System.Net.Http.Headers;
using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class RetryAfterDelayTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void From_DeltaSeconds_ReturnsThem()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Fact]
    public void From_HttpDate_ReturnsTimeUntilThatDate()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, "Sat, 01 Mar 2025 03:00:12 GMT");

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Fact]
    public void From_HttpDateInThePast_ReturnsZero()
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable, "Sat, 01 Mar 2025 02:59:00 GMT");

        Assert.Equal(TimeSpan.Zero, RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Theory]
    [InlineData("3600")]
    [InlineData("Sun, 02 Mar 2025 03:00:00 GMT")]
    public void From_LongerThanCap_ReturnsCap(string header)
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, header);

        Assert.Equal(Cap, RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Fact]
    public void From_429WithoutHeader_ReturnsNullSoBackoffApplies()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, null);

        Assert.Null(RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Fact]
    public void From_500WithHeader_ReturnsNullSoBackoffApplies()
    {
        using var response = Answer(HttpStatusCode.InternalServerError, "5");

        Assert.Null(RetryAfterDelay.From(response, _time.GetUtcNow(), Cap));
    }

    [Fact]
    public void From_NoResponse_ReturnsNull() => Assert.Null(RetryAfterDelay.From((HttpResponseMessage?)null, _time.GetUtcNow(), Cap));

    private static HttpResponseMessage Answer(HttpStatusCode status, string? retryAfter)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = RetryConditionHeaderValue.Parse(retryAfter);
        }

        return response;
    }
}
