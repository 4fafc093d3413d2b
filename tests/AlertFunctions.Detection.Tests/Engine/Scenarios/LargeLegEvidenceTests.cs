using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// The hour's large-leg test counts customers' legs too (a launderer splitting a stolen balance through one account into
/// new addresses), while the 12-hour count leaves them out on an exchange: its alert must still name every leg it counted.
/// </summary>
public sealed class LargeLegEvidenceTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HourOfLargeLegsByOneAccount_AlertNamesEveryLeg()
    {
        var hot = Addresses.Evm("eth-hot");
        var events = new TrafficBuilder(41) { Wallet = hot, Assets = ["ETH"], EventsPerHour = 60 }.Between(Day0, Day0.AddDays(2).AddHours(17)).ToList();
        var start = Day0.AddDays(2).AddHours(16);
        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset("ETH").Units(100m, 300_000m).Account("acct-launderer")
                .To(Addresses.Evm($"launder-{i}")).At(start.AddMinutes(6 * i)));
        }

        var alert = Assert.Single(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));

        Assert.Contains("4 withdrawals of at least 20x the usual size went to new addresses", alert.Summary, StringComparison.Ordinal);
        Assert.Equal(["leg-0", "leg-1", "leg-2", "leg-3"], alert.EventIds.Where(id => id.StartsWith("leg-", StringComparison.Ordinal)));
    }
}
