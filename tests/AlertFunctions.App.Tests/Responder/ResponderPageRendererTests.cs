using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Responder;
using AlertFunctions.App.Tests.AlertsApi;

namespace AlertFunctions.App.Tests.Responder;

public sealed class ResponderPageRendererTests
{
    private const string Hostile = "<script>alert(\"x\")</script>&'";

    [Fact]
    public void RenderAlert_HostileAlertFields_AreHtmlEncoded()
    {
        var html = ResponderPageRenderer.RenderAlert(
            AlertViewFactory.Create(text: Hostile),
            "/api/respond/alerts/a\"><script>/ack",
            "<b>mallory</b>",
            notice: "<i>notice</i>");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>mallory</b>", html);
        Assert.DoesNotContain("<i>notice</i>", html);
        Assert.DoesNotContain("a\"><", html);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;", html);
        Assert.Contains("action=\"/api/respond/alerts/a&quot;&gt;&lt;script&gt;/ack\"", html);
    }

    [Fact]
    public void RenderAlert_OpenAlert_OffersAnAcknowledgeFormThatPosts()
    {
        var html = ResponderPageRenderer.RenderAlert(AlertViewFactory.Create(), "/api/respond/alerts/a1/ack", "alice", null);

        Assert.Contains("<form method=\"post\" action=\"/api/respond/alerts/a1/ack\"><button type=\"submit\">Acknowledge</button></form>", html);
        Assert.Contains("Signed in as alice.", html);
        Assert.Contains("<td>1,250,000.5 USD</td>", html);
        Assert.Contains("<td>2025-03-01 10:00:00 UTC to 2025-03-01 10:05:00 UTC</td>", html);
    }

    [Fact]
    public void RenderAlert_AlertWithoutAUsdAmount_SaysSoInsteadOfZeroUsd()
    {
        // A multi-asset-drain over tokens nobody priced is judged in asset units: its USD amount is 0, not its size.
        var view = AlertViewFactory.Create();
        var html = ResponderPageRenderer.RenderAlert(view with { Alert = view.Alert with { AmountUsd = 0m } }, "/ack", "alice", null);

        Assert.Contains("<td>no USD value</td>", html);
        Assert.DoesNotContain("<td>0 USD</td>", html);
    }

    [Theory]
    [InlineData(AlertStatus.Acknowledged, "acknowledged by bob@example.com at 2025-03-01 10:07:00 UTC")]
    [InlineData(AlertStatus.Resolved, "resolved by  at an unknown time")]
    public void RenderAlert_AlertNoLongerOpen_ShowsItsStatusWithoutAForm(AlertStatus status, string statusText)
    {
        var html = ResponderPageRenderer.RenderAlert(AlertViewFactory.Create(status), "/ack", "alice", null);

        Assert.DoesNotContain("<form", html);
        Assert.Contains($"<tr><th>Status</th><td>{statusText}</td></tr>", html);
    }

    [Fact]
    public void RenderMessage_TextAndSignInLink_AreHtmlEncoded()
    {
        var html = ResponderPageRenderer.RenderMessage("Sign-in <required>", "It's \"needed\"", "/.auth/login/aad?a=1&b=\"2\"");

        Assert.Contains("<h1>Sign-in &lt;required&gt;</h1>", html);
        Assert.Contains("<p>It&#x27;s &quot;needed&quot;</p>", html);
        Assert.Contains("<a href=\"/.auth/login/aad?a=1&amp;b=&quot;2&quot;\">Sign in</a>", html);
    }

    [Fact]
    public void RenderMessage_NoSignInUrl_HasNoLink()
    {
        Assert.DoesNotContain("<a ", ResponderPageRenderer.RenderMessage("Alert not found", "There is no alert 'x'.", null));
    }
}
