using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

public sealed class PlatformSequenceTests
{
    [Fact]
    public void Add_TimesRising_IsInOrder() => Assert.True(Sequence((1, "b"), (2, "a"), (3, "a")).InOrder);

    [Fact]
    public void Add_SameTimeWithIdsRising_IsInOrder() => Assert.True(Sequence((1, "e-10"), (1, "e-9"), (1, "f"), (2, "a")).InOrder);

    [Theory]
    [InlineData(2, "a", 1, "b")]
    [InlineData(1, "b", 1, "a")]
    [InlineData(1, "a", 1, "a")]
    public void Add_KeyNotAfterThePreviousOne_IsNotInOrder(long ticks, string id, long nextTicks, string nextId) =>
        Assert.False(Sequence((ticks, id), (nextTicks, nextId)).InOrder);

    [Fact]
    public void Add_OnceOutOfOrder_StaysSoWhateverFollows() => Assert.False(Sequence((2, "a"), (1, "a"), (3, "a"), (4, "a")).InOrder);

    [Theory]
    // U+E000 and above sort after supplementary characters in UTF-16 but before them in UTF-8: a tie on such ids is not judged.
    [InlineData("k\uE000", "k\U0001F600")]
    [InlineData("k\U0001F600", "k\uFFFD")]
    [InlineData("k", "k\uFFFD")]
    public void Add_TieOnAnIdWithACharacterFromE000_IsNotInOrder(string id, string next) =>
        Assert.False(Sequence((1, id), (1, next)).InOrder);

    [Fact]
    public void Add_NonAsciiIdsBelowE000OnATie_AreComparedAsTheOrdererDoes()
    {
        var ids = new[] { "Zürich", "a", "é", "東京", "ø" };
        var sorted = ids.Order(StringComparer.Ordinal).Select(id => (1L, id)).ToArray();

        Assert.True(Sequence(sorted).InOrder);
        Assert.False(Sequence(sorted.Reverse().ToArray()).InOrder);
    }

    [Fact]
    public void Add_CharactersFromE000AtDifferentTimes_AreInOrder() =>
        Assert.True(Sequence((1, "k\U0001F600"), (2, "k\uE000"), (3, "k\uFFFD")).InOrder);

    [Fact]
    public void Add_LineWithoutAnId_IsNotInOrder()
    {
        var sequence = Sequence((1, "a"));
        sequence.Add(2, []);

        Assert.False(sequence.InOrder);
    }

    [Fact]
    public void Add_IdLongerThanTheParserAccepts_IsNotInOrder() =>
        Assert.False(Sequence((1, "a"), (2, new string('a', 385))).InOrder);

    [Fact]
    public void Add_LongestAcceptedIdsOnATie_AreCompared() =>
        Assert.True(Sequence((1, new string('東', 127) + "a"), (1, new string('東', 127) + "b")).InOrder);

    [Theory]
    [InlineData(new long[] { 1, 2 }, new long[] { 3, 4 }, true)]
    [InlineData(new long[] { 1, 3 }, new long[] { 2, 4 }, false)]
    [InlineData(new long[] { 1, 2 }, new long[] { 2, 4 }, false)]
    [InlineData(new long[] { }, new long[] { 1, 2 }, true)]
    [InlineData(new long[] { 1, 2 }, new long[] { }, true)]
    [InlineData(new long[] { 2, 1 }, new long[] { 3, 4 }, false)]
    [InlineData(new long[] { 1, 2 }, new long[] { 4, 3 }, false)]
    public void Append_IsWhatOneSequenceOfBothPartsGives(long[] earlier, long[] later, bool inOrder)
    {
        // Every id is "x": a tie on time is a tie on the whole key.
        var joined = Sequence(earlier.Select(t => (t, "x")).ToArray());
        joined.Append(Sequence(later.Select(t => (t, "x")).ToArray()));
        var whole = Sequence(earlier.Concat(later).Select(t => (t, "x")).ToArray());

        Assert.Equal(inOrder, whole.InOrder);
        Assert.Equal(whole.InOrder, joined.InOrder);
    }

    [Fact]
    public void Append_ThenAdd_ComparesWithTheLaterPartsLastLine()
    {
        var joined = Sequence((1, "a"), (5, "a"));
        joined.Append(Sequence((6, "a"), (9, "m")));

        joined.Add(9, "n"u8);
        Assert.True(joined.InOrder);
        joined.Add(9, "c"u8);
        Assert.False(joined.InOrder);
    }

    [Fact]
    public void Append_TieAcrossTheJoin_IsJudgedOnTheIds()
    {
        var rising = Sequence((1, "a"), (2, "b"));
        rising.Append(Sequence((2, "c"), (3, "a")));
        var falling = Sequence((1, "a"), (2, "c"));
        falling.Append(Sequence((2, "b"), (3, "a")));

        Assert.True(rising.InOrder);
        Assert.False(falling.InOrder);
    }

    private static PlatformSequence Sequence(params (long Ticks, string Id)[] lines)
    {
        var sequence = new PlatformSequence();
        foreach (var (ticks, id) in lines)
        {
            sequence.Add(ticks, Encoding.UTF8.GetBytes(id));
        }

        return sequence;
    }
}
