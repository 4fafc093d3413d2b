using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class AccountKeyTests
{
    [Theory]
    [InlineData("acct-00042")]
    [InlineData("0x8ba1f109551bD432803012645Ac136ddd64DBA72")]
    [InlineData("customer/東京/7")]
    [InlineData("")]
    public void SameId_InDifferentStrings_IsOneKey(string id)
    {
        var copy = new string(id.AsSpan());

        Assert.Equal(new AccountKey(id), new AccountKey(copy));
        Assert.Equal(new AccountKey(id).GetHashCode(), new AccountKey(copy).GetHashCode());
    }

    [Theory]
    [InlineData("acct-00042", "ACCT-00042")]
    [InlineData("0x8ba1f109551bD432803012645Ac136ddd64DBA72", "0x8ba1f109551bd432803012645ac136ddd64dba72")]
    [InlineData("acct-00042", "acct-00042 ")]
    [InlineData("acct-00042", "acct-00043")]
    [InlineData("é", "e\u0301")]
    public void IdsThatDifferInAnyCharacter_AreDifferentKeys(string id, string other) =>
        Assert.NotEqual(new AccountKey(id), new AccountKey(other));

    [Fact]
    public void ManyIds_DifferingInOneCharacterAnywhere_AreAllDistinct()
    {
        // Each id also changed at every position in turn, at lengths on both sides of the hash's code paths (16, 128 and
        // 240 bytes of UTF-16).
        var ids = new List<string>();
        foreach (var length in new[] { 1, 8, 9, 64, 65, 120, 121, 300 })
        {
            var id = new string('a', length);
            ids.Add(id);
            for (var i = 0; i < length; i++)
            {
                ids.Add(string.Create(length, i, (span, at) => { span.Fill('a'); span[at] = 'b'; }));
            }
        }

        var keys = new HashSet<AccountKey>(ids.Select(id => new AccountKey(id)));

        Assert.Equal(ids.Count, keys.Count);
        Assert.All(ids, id => Assert.Contains(new AccountKey(new string(id.AsSpan())), keys));
    }

    [Fact]
    public void Null_Throws() => Assert.Throws<ArgumentNullException>(() => new AccountKey(null!));
}
