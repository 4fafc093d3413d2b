using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The distinct wallets that sent to one new destination without an account (transfers made with the wallets' own keys)
/// since <see cref="Since"/>, up to <see cref="MaxWallets"/>, in the order they first sent, and what those transfers were
/// worth together: many small
/// wallets emptied into one address (multi-asset-drain). Kept apart from <see cref="DestinationState"/> because few
/// destinations ever receive such a transfer, and most of those from one wallet only.
/// </summary>
internal sealed class KeyTransferSources
{
    public const int MaxWallets = 16;

    private readonly string _first;
    private string[]? _others;

    public KeyTransferSources(string firstWallet, decimal usd, DateTimeOffset since)
    {
        _first = firstWallet;
        Count = 1;
        Usd = usd;
        Since = since;
    }

    /// <summary>
    /// The earliest counted transfer's time: the count runs for a set time from here. A transfer that arrives late, stamped
    /// before it, moves it back, so the count never claims its transfers took less than zero minutes.
    /// </summary>
    public DateTimeOffset Since { get; private set; }

    public int Count { get; private set; }

    public decimal Usd { get; private set; }

    public string this[int index] => index == 0 ? _first : _others![index - 1];

    /// <returns>The distinct wallets counted (at most <see cref="MaxWallets"/>) and the USD of every transfer, this one included.</returns>
    public (int Wallets, decimal Usd) Add(string wallet, decimal usd, DateTimeOffset time)
    {
        Usd += usd;
        if (time < Since)
        {
            Since = time;
        }

        for (var i = 0; i < Count; i++)
        {
            if (AddressComparer.Instance.Equals(this[i], wallet))
            {
                return (Count, Usd);
            }
        }

        if (Count < MaxWallets)
        {
            var others = Count - 1;
            if (_others is null || others == _others.Length)
            {
                Array.Resize(ref _others, Math.Min(Math.Max(4, others * 2), MaxWallets - 1));
            }

            _others[others] = wallet;
            Count++;
        }

        return (Count, Usd);
    }

    /// <summary>Restores what a snapshot kept; throws on a count the engine would never have written.</summary>
    public static KeyTransferSources Restore(string[] wallets, decimal usd, DateTimeOffset since)
    {
        if (wallets.Length is 0 or > MaxWallets)
        {
            throw new InvalidDataException($"a destination counts {wallets.Length} wallets sending without an account; between 1 and {MaxWallets} are kept");
        }

        var sources = new KeyTransferSources(wallets[0], usd, since) { Count = wallets.Length };
        sources._others = wallets.Length > 1 ? wallets[1..] : null;
        return sources;
    }
}
