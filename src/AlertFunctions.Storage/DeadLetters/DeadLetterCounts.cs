namespace AlertFunctions.Storage.DeadLetters;

/// <summary>One day's dead letters: per platform the refused body named, and those that named none (no JSON, no platform).</summary>
public sealed record DeadLetterCounts(IReadOnlyDictionary<string, long> ByPlatform, long WithoutPlatform)
{
    public long Total => ByPlatform.Values.Sum() + WithoutPlatform;

    public long Of(string platform) => ByPlatform.GetValueOrDefault(platform);
}
