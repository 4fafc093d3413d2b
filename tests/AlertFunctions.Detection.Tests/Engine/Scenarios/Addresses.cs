namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Fictitious, well-formed addresses, deterministic from a label, so scenarios read as prose.</summary>
internal static class Addresses
{
    public static string Evm(string label)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label));
        return "0x" + Convert.ToHexStringLower(hash)[..40];
    }
}
