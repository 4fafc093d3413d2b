using System.Text.Json;
using System.Text.Json.Nodes;
using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Http;

namespace AlertFunctions.App.Tests.AlertsApi;

public sealed class AppJsonContextTests
{
    [Fact]
    public void Serialize_AlertView_UsesCamelCaseNamesAndTheProductsEnumNames()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(AlertViewFactory.Create(AlertStatus.Acknowledged), AppJsonContext.Default.AlertView))!;

        Assert.Equal("acknowledged", (string?)json["status"]);
        Assert.Equal("sent", (string?)json["notificationState"]);
        Assert.Equal("bob@example.com", (string?)json["acknowledgedBy"]);
        Assert.Equal("high", (string?)json["alert"]!["severity"]);
        Assert.Equal("sourceWallet", (string?)json["alert"]!["subjectType"]);
        Assert.Equal(1_250_000.50m, (decimal)json["alert"]!["amountUsd"]!);
        Assert.Equal("withdrawal USD", (string?)json["alert"]!["details"]!["measure"]);
    }

    [Fact]
    public void Serialize_AlertView_OmitsAbsentValues()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(AlertViewFactory.Create(), AppJsonContext.Default.AlertView))!.AsObject();

        Assert.False(json.ContainsKey("acknowledgedBy"));
        Assert.False(json.ContainsKey("resolvedAt"));
        Assert.False(json["alert"]!["details"]!.AsObject().ContainsKey("baseline"));
    }

    [Fact]
    public void Serialize_ListResponse_WrapsTheAlertsInAnObject()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(
            new AlertListResponse([AlertViewFactory.Create(), AlertViewFactory.Create(AlertStatus.Resolved)]),
            AppJsonContext.Default.AlertListResponse))!;

        Assert.Equal(["open", "resolved"], json["alerts"]!.AsArray().Select(alert => (string?)alert!["status"]));
    }

    [Fact]
    public void Serialize_ApiError_HasASingleErrorProperty()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(new ApiError("There is no alert 'x'."), AppJsonContext.Default.ApiError))!.AsObject();

        var property = Assert.Single(json);
        Assert.Equal("error", property.Key);
        Assert.Equal("There is no alert 'x'.", (string?)property.Value);
    }
}
