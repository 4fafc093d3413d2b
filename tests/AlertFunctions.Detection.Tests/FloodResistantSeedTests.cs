using Xunit;

namespace AlertFunctions.Detection.Tests;

public sealed class FloodResistantSeedTests
{
    [Fact]
    public void New_GivesADifferentSeedEachTime_WithEveryBitVarying()
    {
        // Two equal seeds among 1,000 happen with probability about 2^-44; a bit that never changes across them would
        // be a fixed bit of the GUID left unfolded (about 2^-999 by chance).
        var seeds = Enumerable.Range(0, 1_000).Select(_ => FloodResistantSeed.New()).ToList();

        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        var everSet = seeds.Aggregate(0L, (bits, seed) => bits | seed);
        var everClear = seeds.Aggregate(0L, (bits, seed) => bits | ~seed);
        Assert.Equal(-1L, everSet);
        Assert.Equal(-1L, everClear);
    }
}
