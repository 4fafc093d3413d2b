using System.Buffers.Binary;

namespace AlertFunctions.Detection;

/// <summary>
/// A random seed, one per call, for hashing values that producers choose (addresses, ids), so nobody who picks those
/// values can aim many of them at one bucket or slot.
/// </summary>
/// <remarks>
/// Taken from <see cref="Guid.NewGuid"/>, which the runtime fills from the operating system's secure random source on every
/// platform. Why not <c>RandomNumberGenerator</c>: on Linux its first use loads and configures OpenSSL (two libraries and a
/// configuration file), which was on the replay's start-up path for nothing else.
/// </remarks>
internal static class FloodResistantSeed
{
    public static long New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        // A version 4 GUID fixes six of its bits; folding its halves together leaves all 64 random.
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
    }
}
