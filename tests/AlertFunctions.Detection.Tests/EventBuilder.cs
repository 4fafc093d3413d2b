using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests;

/// <summary>Builds valid withdrawal events with readable defaults; each test states only what matters to it.</summary>
internal sealed class EventBuilder
{
    private static long _sequence;
    private WithdrawalEvent _event;

    public EventBuilder()
    {
        _event = new WithdrawalEvent
        {
            EventId = $"evt-{Interlocked.Increment(ref _sequence):D9}",
            Platform = "northwind-exchange",
            PlatformType = PlatformType.Exchange,
            Chain = "ethereum",
            Asset = "USDT",
            Amount = 100m,
            AmountUsd = 100m,
            SourceWallet = "0x1111111111111111111111111111111111111111",
            DestinationAddress = "0x2222222222222222222222222222222222222222",
            Timestamp = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
        };
    }

    public static EventBuilder Withdrawal() => new();

    public EventBuilder Id(string id) { _event = _event with { EventId = id }; return this; }
    public EventBuilder Platform(string platform) { _event = _event with { Platform = platform }; return this; }
    public EventBuilder Chain(string chain) { _event = _event with { Chain = chain }; return this; }
    public EventBuilder Asset(string asset) { _event = _event with { Asset = asset }; return this; }
    public EventBuilder From(string wallet) { _event = _event with { SourceWallet = wallet }; return this; }
    public EventBuilder To(string destination) { _event = _event with { DestinationAddress = destination }; return this; }
    public EventBuilder Account(string? account) { _event = _event with { AccountId = account }; return this; }
    public EventBuilder At(DateTimeOffset time) { _event = _event with { Timestamp = time }; return this; }
    public EventBuilder Balance(decimal? balanceAfter) { _event = _event with { BalanceAfter = balanceAfter }; return this; }
    public EventBuilder TxHash(string hash) { _event = _event with { TxHash = hash }; return this; }

    /// <summary>Sets the USD value and derives the asset amount from <paramref name="priceUsd"/>.</summary>
    public EventBuilder Usd(decimal usd, decimal priceUsd = 1m) { _event = _event with { AmountUsd = usd, Amount = Math.Round(usd / priceUsd, 8) }; return this; }

    public EventBuilder Units(decimal amount, decimal? usd) { _event = _event with { Amount = amount, AmountUsd = usd }; return this; }

    public WithdrawalEvent Build() => _event;

    public static implicit operator WithdrawalEvent(EventBuilder builder) => builder.Build();
}
