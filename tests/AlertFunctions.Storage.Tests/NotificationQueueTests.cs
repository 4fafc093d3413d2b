using System.Text;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Testing;
using Azure.Storage.Queues;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class NotificationQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnqueueAsync_MissingQueue_CreatesItAndSendsBase64Json()
    {
        var options = IsolatedStorage.Options(azurite);
        var queue = AlertStores.Create(options).Notifications;
        var alert = SampleAlerts.Create(revision: 2, severity: Severity.Critical);

        await queue.EnqueueAsync(NotificationMessage.For(alert));

        // A plain client, no decoding: what the Functions queue trigger receives on the wire.
        var raw = new QueueClient(azurite.ConnectionString, options.NotificationQueueName);
        var received = Assert.Single((await raw.ReceiveMessagesAsync(maxMessages: 10)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(received.MessageText));
        Assert.Equal($$"""{"alertId":"{{alert.AlertId}}","severity":"critical","revision":2}""", json);
        Assert.Equal(new NotificationMessage(alert.AlertId, "critical", 2), NotificationMessage.Parse(json));
        Assert.EndsWith("alert-notifications", queue.QueueName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"alertId\":\"a\"}")]
    [InlineData("{\"alertId\":\"a\",\"severity\":\"urgent\",\"revision\":1}")]
    public void Parse_InvalidMessage_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => NotificationMessage.Parse(json));
    }
}
