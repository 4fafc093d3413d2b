using System.Security.Cryptography;
using System.Text;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Alert ids are a pure function of rule, platform, subject, asset and the episode's start (event time), so replaying the
/// same events, or receiving a batch twice, produces the same id. Shape: <c>{rule}-{yyyyMMddHHmm}-{16 hex}</c>, using only
/// <c>[a-z0-9-]</c> so it is a valid Table Storage row key and URL segment as it is.
/// </summary>
internal static class AlertIdFactory
{
    public static string Create(string rule, string platform, SubjectType subjectType, string subject, string asset, DateTimeOffset episodeStart)
    {
        var identity = string.Join('\n', rule, platform, subjectType.ToName(), AddressComparer.Canonical(subject), asset, episodeStart.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return $"{rule}-{episodeStart.UtcDateTime:yyyyMMddHHmm}-{Convert.ToHexStringLower(hash[..8])}";
    }
}
