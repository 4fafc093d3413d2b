namespace AlertFunctions.App.Tests.Metadata;

/// <summary>
/// The app's functions as the Functions host must see them. Both metadata sources are checked against this one table: the
/// functions.metadata file and the source-generated provider the worker reports when worker indexing is on. Bindings are
/// listed without the empty "properties" object functions.metadata adds.
/// </summary>
internal static class ExpectedFunctions
{
    private const string HttpReturn = """{"name":"$return","type":"http","direction":"Out"}""";

    public static IReadOnlyList<ExpectedFunction> All { get; } =
    [
        new(
            "Ingest",
            "AlertFunctions.App.Ingestion.IngestFunction.RunAsync",
            """
            [{"name":"events","type":"eventHubTrigger","direction":"In","eventHubName":"%EventHubName%",
              "connection":"EventHubConnection","consumerGroup":"%EventHubConsumerGroup%","cardinality":"Many","dataType":"String"}]
            """,
            new ExpectedRetry(-1, TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(15))),
        new(
            "Notify",
            "AlertFunctions.App.Notifications.NotifyFunction.RunAsync",
            """
            [{"name":"message","type":"queueTrigger","direction":"In","queueName":"alert-notifications",
              "connection":"AlertStorage","dataType":"String"}]
            """,
            null),
        new(
            "NotificationSweep",
            "AlertFunctions.App.Notifications.NotificationSweepFunction.RunAsync",
            """[{"name":"timer","type":"timerTrigger","direction":"In","schedule":"0 */5 * * * *"}]""",
            null),
        new(
            "DailySummary",
            "AlertFunctions.App.Summaries.DailySummaryFunction.RunAsync",
            """[{"name":"timer","type":"timerTrigger","direction":"In","schedule":"%DailySummarySchedule%"}]""",
            new ExpectedRetry(3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10))),
        new(
            "ListAlerts",
            "AlertFunctions.App.AlertsApi.AlertQueryFunctions.ListAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Function","methods":["get"],"route":"alerts"},
             {{HttpReturn}}]
            """,
            null),
        new(
            "GetAlert",
            "AlertFunctions.App.AlertsApi.AlertQueryFunctions.GetAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Function","methods":["get"],"route":"alerts/{id}"},
             {{HttpReturn}}]
            """,
            null),
        new(
            "AcknowledgeAlert",
            "AlertFunctions.App.AlertsApi.AlertActionFunctions.AcknowledgeAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Function","methods":["post"],"route":"alerts/{id}/ack"},
             {{HttpReturn}}]
            """,
            null),
        new(
            "ResolveAlert",
            "AlertFunctions.App.AlertsApi.AlertActionFunctions.ResolveAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Function","methods":["post"],"route":"alerts/{id}/resolve"},
             {{HttpReturn}}]
            """,
            null),
        new(
            "RespondAlertPage",
            "AlertFunctions.App.Responder.ResponderFunctions.PageAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Anonymous","methods":["get"],"route":"respond/alerts/{id}"},
             {{HttpReturn}}]
            """,
            null),
        new(
            "RespondAcknowledge",
            "AlertFunctions.App.Responder.ResponderFunctions.AcknowledgeAsync",
            $$"""
            [{"name":"request","type":"httpTrigger","direction":"In","authLevel":"Anonymous","methods":["get","post"],
              "route":"respond/alerts/{id}/ack"},
             {{HttpReturn}}]
            """,
            null),
    ];

    public static TheoryData<string> Names { get; } = new(All.Select(function => function.Name));

    public static ExpectedFunction Named(string name) => All.Single(function => function.Name == name);
}
