using System.Security.Cryptography;
using System.Text;

namespace AlertFunctions.Storage.Tables;

/// <summary>Lowercase hex SHA-256: a fixed-length, key-safe stand-in for values that may contain any character or be long.</summary>
internal static class KeyHash
{
    public static string Of(string value) => Of(Encoding.UTF8.GetBytes(value));

    public static string Of(ReadOnlySpan<byte> value) => Convert.ToHexStringLower(SHA256.HashData(value));
}
