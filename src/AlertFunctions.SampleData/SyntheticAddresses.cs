using System.Text;

namespace AlertFunctions.SampleData;

/// <summary>Well-formed but fictitious addresses and hashes for each chain, drawn from a seeded generator.</summary>
internal sealed class SyntheticAddresses(Random random)
{
    private const string Hex = "0123456789abcdef";
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    public string For(string chain) => chain switch
    {
        "bitcoin" => "bc1q" + Draw(Bech32, 38),
        "tron" => "T" + Draw(Base58, 33),
        _ => "0x" + Draw(Hex, 40),
    };

    public string TxHash(string chain) => chain == "ethereum" || chain == "tron" ? "0x" + Draw(Hex, 64) : Draw(Hex, 64);

    private string Draw(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
