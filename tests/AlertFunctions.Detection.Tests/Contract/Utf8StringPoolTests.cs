using System.Text;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Get_EqualInput_ReturnsTheSameInstance()
    {
        var pool = new Utf8StringPool();

        var first = pool.Get("northwind-exchange"u8);
        var second = pool.Get(Encoding.UTF8.GetBytes("northwind-exchange"));

        Assert.Equal("northwind-exchange", first);
        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Get_DifferentInput_ReturnsDifferentValues()
    {
        var pool = new Utf8StringPool();

        var eth = pool.Get("ETH"u8);
        var eth2 = pool.Get("eth"u8);

        Assert.Equal("ETH", eth);
        Assert.Equal("eth", eth2);
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void Get_NonAsciiInput_DecodesUtf8()
    {
        var pool = new Utf8StringPool();

        Assert.Equal("börse-中", pool.Get(Encoding.UTF8.GetBytes("börse-中")));
    }

    [Fact]
    public void Get_NonAsciiInputTwice_ReturnsTheSameInstance()
    {
        var pool = new Utf8StringPool();

        var first = pool.Get(Encoding.UTF8.GetBytes("börse-中"));
        var second = pool.Get(Encoding.UTF8.GetBytes("börse-中"));

        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Get_InvalidUtf8SequencesThatDecodeAlike_StayDistinctEntries()
    {
        // Both decode to "a\uFFFD"; the pool compares bytes for non-ASCII input, so each keeps its own entry.
        var pool = new Utf8StringPool();

        var first = pool.Get([(byte)'a', 0xFF]);
        var second = pool.Get([(byte)'a', 0xFE]);

        Assert.Equal(first, second);
        Assert.Equal(2, pool.Count);
        Assert.Same(first, pool.Get([(byte)'a', 0xFF]));
    }

    [Fact]
    public void Get_HotValueAmongManyOneOffValues_StaysPooled()
    {
        // A platform id seen on every event keeps its instance while a stream of one-off destinations passes through.
        var pool = new Utf8StringPool(capacity: 1_024);
        var platform = pool.Get("northwind-exchange"u8);
        var kept = 0;
        for (var i = 0; i < 10_000; i++)
        {
            pool.Get(Encoding.UTF8.GetBytes($"0x{i:x40}"));
            kept += ReferenceEquals(platform, pool.Get("northwind-exchange"u8)) ? 1 : 0;
        }

        // A value is dropped only when two other values land in its set between two of its own uses; here one comes between.
        Assert.Equal(10_000, kept);
    }

    [Fact]
    public void Get_EvictedValue_IsCreatedAgainWithEqualText()
    {
        var pool = new Utf8StringPool(capacity: 16);
        var first = pool.Get("value-0"u8);
        for (var i = 1; i < 1_000; i++)
        {
            pool.Get(Encoding.UTF8.GetBytes($"value-{i}"));
        }

        var again = pool.Get("value-0"u8);

        Assert.Equal("value-0", again);
        Assert.NotSame(first, again);
    }

    [Fact]
    public void Get_ManyDistinctValues_CountNeverExceedsCapacity()
    {
        var pool = new Utf8StringPool(capacity: 100);

        Assert.Equal(128, pool.Capacity);
        for (var i = 0; i < 1_000; i++)
        {
            pool.Get(Encoding.UTF8.GetBytes($"wallet-{i}"));
            Assert.InRange(pool.Count, 1, pool.Capacity);
        }

        Assert.True(pool.Count > pool.Capacity / 2, $"only {pool.Count} of {pool.Capacity} slots used");
    }

    [Fact]
    public void Get_SameValueRepeated_TakesOneSlot()
    {
        var pool = new Utf8StringPool(capacity: 16);

        for (var i = 0; i < 100; i++)
        {
            pool.Get("ETH"u8);
        }

        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Get_ValueLongerThan128Bytes_IsReturnedButNotPooled()
    {
        var pool = new Utf8StringPool();
        var bytes = Encoding.UTF8.GetBytes(new string('a', 129));

        var first = pool.Get(bytes);
        var second = pool.Get(bytes);

        Assert.Equal(new string('a', 129), first);
        Assert.NotSame(first, second);
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Get_ValueOf128Bytes_IsPooled()
    {
        var pool = new Utf8StringPool();
        var bytes = Encoding.UTF8.GetBytes(new string('a', 128));

        Assert.Same(pool.Get(bytes), pool.Get(bytes));
    }

    [Fact]
    public void Ctor_CapacityBelow16_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8StringPool(capacity: 15));

        Assert.Equal("capacity", ex.ParamName);
    }

    [Fact]
    public void Ctor_CapacityAbove16M_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8StringPool(capacity: (1 << 24) + 1));

        Assert.Equal("capacity", ex.ParamName);
    }

    [Fact]
    public void Parser_SharedPool_InternsRepeatingFieldsAcrossEvents()
    {
        var pool = new Utf8StringPool();
        var parser = new WithdrawalEventParser(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ValidEventJson.Now), pool: pool);

        var a = parser.Parse(ValidEventJson.With("eventId", "evt-a")).Value;
        var b = parser.Parse(ValidEventJson.With("eventId", "evt-b")).Value;

        Assert.Same(a.Platform, b.Platform);
        Assert.Same(a.SourceWallet, b.SourceWallet);
        Assert.Same(a.DestinationAddress, b.DestinationAddress);
        Assert.NotSame(a.EventId, b.EventId);
    }
}
