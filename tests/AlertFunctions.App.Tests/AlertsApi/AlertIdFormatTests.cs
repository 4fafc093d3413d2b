using AlertFunctions.App.AlertsApi;

namespace AlertFunctions.App.Tests.AlertsApi;

public sealed class AlertIdFormatTests
{
    [Theory]
    [InlineData("large-withdrawal:exchange-a:2025-03-01T10:00:00Z", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    [InlineData("id\r\nX-Injected: 1", false)]
    public void IsPlausible_Id_AcceptsPrintableIdsOnly(string? id, bool expected)
    {
        Assert.Equal(expected, AlertIdFormat.IsPlausible(id));
    }

    [Fact]
    public void IsPlausible_IdLongerThanTheLimit_IsRejected()
    {
        Assert.True(AlertIdFormat.IsPlausible(new string('a', 256)));
        Assert.False(AlertIdFormat.IsPlausible(new string('a', 257)));
    }
}
