using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class AlertIdFactoryTests
{
    private const string Wallet = "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc";
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 41, 27, TimeSpan.Zero);

    [Fact]
    public void Create_SameInputs_SameId()
    {
        Assert.Equal(Create(), Create());
    }

    [Fact]
    public void Create_Id_HasRuleMinuteAndSixteenHexDigits()
    {
        Assert.Matches("^rapid-drain-202606010941-[0-9a-f]{16}$", Create());
    }

    [Fact]
    public void Create_StartWithOffset_UsesTheUtcMinute()
    {
        var id = AlertIdFactory.Create(RuleIds.RapidDrain, "northwind", SubjectType.SourceWallet, Wallet, "ETH", Start.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(Create(), id);
        Assert.StartsWith("rapid-drain-202606010941-", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DifferentRule_DifferentId()
    {
        Assert.NotEqual(Create(), Create(rule: RuleIds.LargeWithdrawal));
    }

    [Fact]
    public void Create_DifferentSubject_DifferentId()
    {
        Assert.NotEqual(Create(), Create(subject: "0x0000000000000000000000000000000000000001"));
    }

    [Fact]
    public void Create_DifferentStartEvenByOneTick_DifferentHash()
    {
        var id = Create();
        var other = Create(start: Start.AddTicks(1));

        Assert.NotEqual(id, other);
        Assert.Equal(id[..^16], other[..^16]);
    }

    [Fact]
    public void Create_DifferentPlatformAssetOrSubjectType_DifferentId()
    {
        var id = Create();

        Assert.NotEqual(id, Create(platform: "contoso"));
        Assert.NotEqual(id, Create(asset: "USDT"));
        Assert.NotEqual(id, Create(subjectType: SubjectType.Destination));
    }

    [Fact]
    public void Create_ChecksummedAndLowerCaseSubject_SameId()
    {
        Assert.Equal(Create(subject: Wallet), Create(subject: Wallet.ToLowerInvariant()));
    }

    [Fact]
    public void Create_Base58SubjectInAnotherCase_DifferentId()
    {
        const string base58 = "3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG";

        Assert.NotEqual(Create(subject: base58), Create(subject: base58.ToLowerInvariant()));
    }

    [Fact]
    public void Create_AnyInput_UsesOnlyLowerCaseLettersDigitsAndHyphens()
    {
        var gen = Gen.Select(
            Gen.Int[0, RuleIds.All.Count - 1],
            Gen.String,
            Gen.Enum<SubjectType>(),
            Gen.String,
            Gen.String,
            Gen.Long[new DateTimeOffset(2009, 1, 3, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks]);

        gen.Sample((rule, platform, subjectType, subject, asset, ticks) =>
        {
            var id = AlertIdFactory.Create(RuleIds.All[rule], platform, subjectType, subject, asset, new DateTimeOffset(ticks, TimeSpan.Zero));

            Assert.Matches("^[a-z0-9-]+$", id);
            Assert.InRange(id.Length, 1, 80);
        }, iter: 2_000);
    }

    private static string Create(
        string rule = RuleIds.RapidDrain,
        string platform = "northwind",
        SubjectType subjectType = SubjectType.SourceWallet,
        string subject = Wallet,
        string asset = "ETH",
        DateTimeOffset? start = null) =>
        AlertIdFactory.Create(rule, platform, subjectType, subject, asset, start ?? Start);
}
