using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>The replay's alert table states amounts a responder can act on: an alert nothing valued is not shown as worth 0.</summary>
public sealed class ReplayConsoleReportTests
{
    [Theory]
    [InlineData(1_234_567.89, "1,234,568")]
    [InlineData(0.4, "0")]
    public void UsdColumn_ValuedAlert_ShowsWholeDollars(decimal amountUsd, string expected) =>
        Assert.Equal(expected, ReplayConsoleReport.UsdColumn(amountUsd));

    [Fact]
    public void UsdColumn_AlertNothingValued_SaysUnpriced() =>
        Assert.Equal("unpriced", ReplayConsoleReport.UsdColumn(0m));
}
