using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Watchlists;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>
/// A withdrawal event carries the fingerprints detection keys it by, made when the text is set. They must be those of the
/// text however the event was made (parsed, built, or copied with <c>with</c>), and must not change what equality says.
/// </summary>
public sealed class WithdrawalEventKeysTests
{
    private const string Eip55 = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";

    [Fact]
    public void ParsedEvent_CarriesTheKeysOfItsText()
    {
        var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));

        // Twice: the second parse takes the account and destination from the parser's string pool.
        for (var i = 0; i < 2; i++)
        {
            var result = parser.Parse(ValidEventJson.Body());

            Assert.True(result.IsValid, result.Rejection?.ToString());
            AssertKeysAreThoseOfTheText(result.Value);
        }
    }

    [Fact]
    public void EveryWith_MakesTheKeysOfTheNewText()
    {
        WithdrawalEvent e = EventBuilder.Withdrawal().Account("acct-1");

        var changed = e with { EventId = "evt-other", SourceWallet = Eip55, AccountId = "acct-2", DestinationAddress = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh" };

        AssertKeysAreThoseOfTheText(changed);
        Assert.NotEqual(e.EventIdFingerprint, changed.EventIdFingerprint);
        Assert.NotEqual(e.AccountKey, changed.AccountKey);
        Assert.NotEqual(e.DestinationKey, changed.DestinationKey);
    }

    [Fact]
    public void AccountRemoved_LeavesTheEventAsIfItNeverHadOne()
    {
        WithdrawalEvent without = EventBuilder.Withdrawal().Account(null);

        var addedAndRemoved = without with { AccountId = "acct-1" } with { AccountId = null };

        Assert.Equal(without, addedAndRemoved);
        Assert.Equal(without.GetHashCode(), addedAndRemoved.GetHashCode());
    }

    [Fact]
    public void Equality_StaysOrdinal_ThoughTheKeysIgnoreTheCaseOfAHexAddress()
    {
        WithdrawalEvent checksummed = EventBuilder.Withdrawal().To(Eip55);
        var lowerCase = checksummed with { DestinationAddress = Eip55.ToLowerInvariant() };

        Assert.Equal(checksummed.DestinationKey, lowerCase.DestinationKey);
        Assert.NotEqual(checksummed, lowerCase);
        Assert.Equal(checksummed, checksummed with { DestinationAddress = new string(Eip55.AsSpan()) });
    }

    private static void AssertKeysAreThoseOfTheText(WithdrawalEvent e)
    {
        Assert.Equal(RecentEventIds.Fingerprint(e.EventId), e.EventIdFingerprint);
        Assert.Equal(new AccountKey(e.AccountId!), e.AccountKey);
        Assert.Equal(new AddressKey(e.DestinationAddress), e.DestinationKey);
        Assert.Same(e.DestinationAddress, e.DestinationKey.Value);
    }
}
