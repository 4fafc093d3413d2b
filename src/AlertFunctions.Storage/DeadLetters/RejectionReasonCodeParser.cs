using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>Reads a stored kebab-case rejection code back into <see cref="RejectionReason"/>.</summary>
internal static class RejectionReasonCodeParser
{
    private static readonly Dictionary<string, RejectionReason> ByCode =
        Enum.GetValues<RejectionReason>().ToDictionary(r => r.ToCode(), StringComparer.Ordinal);

    public static RejectionReason Parse(string code) =>
        ByCode.TryGetValue(code, out var reason)
            ? reason
            : throw new InvalidDataException($"'{code}' is not a known rejection reason code.");
}
