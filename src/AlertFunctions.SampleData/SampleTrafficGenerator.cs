namespace AlertFunctions.SampleData;

/// <summary>
/// Generates days of ordinary withdrawal traffic for four fictitious platforms, and on the last day the benign look-alikes
/// a detector must stay quiet on (a market-wide rush, a whale's routine withdrawal, a newly listed asset, hot-wallet
/// refills) plus incidents modelled on public thefts (<see cref="IncidentScenarios"/>). Seeded: deterministic.
/// </summary>
public sealed class SampleTrafficGenerator
{
    private readonly SampleTrafficOptions _options;
    private readonly Random _random;
    private readonly SyntheticAddresses _addresses;
    private readonly List<SampleEvent> _events = [];
    private readonly List<Intent> _intents = [];
    private readonly List<SamplePlatform> _platforms;
    private long _sequence;

    public SampleTrafficGenerator(SampleTrafficOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, SampleTrafficOptions.MinDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EventsPerDay, SampleTrafficOptions.MinEventsPerDay);
        _options = options;
        _random = new Random(options.Seed);
        _addresses = new SyntheticAddresses(_random);
        _platforms = SamplePlatforms.Create();
        // Hot wallets and customer bases grow with volume, as a real platform's would: a busier exchange keeps more
        // in its hot wallets and has more customers, not the same customers withdrawing more often.
        var scale = Math.Max(1m, options.EventsPerDay / 3_000m);
        foreach (var platform in _platforms)
        {
            Provision(platform, scale);
        }
    }

    public IReadOnlyList<SampleEvent> Generate()
    {
        _events.Clear();
        _intents.Clear();
        for (var day = 0; day < _options.Days; day++)
        {
            var dayStart = _options.Start.AddDays(day);
            var isLastDay = day == _options.Days - 1;
            var rushStart = dayStart.AddHours(9);
            foreach (var time in OrdinaryTimes(dayStart, _options.EventsPerDay, isLastDay && _options.IncludeLookAlikes ? rushStart : null))
            {
                CustomerWithdrawal(PickPlatform(), time, scenario: null);
            }

            foreach (var platform in _platforms.Where(p => p.Type == "exchange"))
            {
                WhaleRoutine(platform, dayStart.AddHours(10).AddMinutes(_random.Next(0, 50)), isLastDay && _options.IncludeLookAlikes ? "look-alike:whale-routine" : null);
            }

            if (isLastDay && _options.IncludeLookAlikes)
            {
                NewListing(_platforms[0], dayStart.AddHours(12));
            }

            if (isLastDay && _options.IncludeIncidents)
            {
                new IncidentScenarios(this, dayStart).AddAll();
            }
        }

        Settle();
        return _events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
    }

    // Walks the recorded withdrawals in time order, tracking each wallet's balance and refilling hot wallets from cold.
    private void Settle()
    {
        foreach (var intent in _intents.OrderBy(i => i.Time).ThenBy(i => i.Sequence))
        {
            var p = intent.Platform;
            var asset = intent.Asset;
            var key = intent.Source + "/" + asset.Symbol;
            var balance = p.Balances.GetValueOrDefault(key);
            var amount = intent.Amount ?? Math.Round(balance * intent.ShareOfBalance!.Value, asset.Decimals);
            balance = Math.Max(0, balance - amount);
            p.Balances[key] = balance;
            _events.Add(new SampleEvent(
                EventId: $"{p.Id[..2]}-{intent.Sequence:D8}",
                Platform: p.Id,
                PlatformType: p.Type,
                Chain: asset.Chain,
                Asset: asset.Symbol,
                Amount: amount,
                AmountUsd: asset.ProducerSendsUsd ? Math.Round(amount * asset.PriceUsd, 2) : null,
                SourceWallet: intent.Source,
                BalanceAfter: p.SendsBalance ? balance : null,
                AccountId: p.SendsAccount ? intent.AccountId : null,
                DestinationAddress: intent.Destination,
                TxHash: _addresses.TxHash(asset.Chain),
                Timestamp: intent.Time,
                Scenario: intent.Scenario));
            if (intent.Source == p.HotWallets[asset.Chain])
            {
                RefillIfLow(p, asset, intent.Time);
            }
        }
    }

    private sealed record Intent(long Sequence, SamplePlatform Platform, SampleAsset Asset, decimal? Amount, decimal? ShareOfBalance, string Source, string Destination, DateTimeOffset Time, string? AccountId, string? Scenario);

    internal SamplePlatform Platform(string id) => _platforms.Single(p => p.Id == id);

    internal string NewAddress(string chain) => _addresses.For(chain);

    internal Random Random => _random;

    /// <summary>
    /// Records a withdrawal from the platform's hot wallet (or <paramref name="sourceWallet"/>). Balances are settled later,
    /// in time order, so every <c>balanceAfter</c> is consistent with the events before it. Give either a fixed
    /// <paramref name="amount"/> or a <paramref name="shareOfBalance"/> taken at that moment.
    /// </summary>
    internal void Emit(SamplePlatform p, SampleAsset asset, decimal? amount, string destination, DateTimeOffset time, string? accountId, string? scenario, string? sourceWallet = null, decimal? shareOfBalance = null)
    {
        _intents.Add(new Intent(++_sequence, p, asset, amount, shareOfBalance, sourceWallet ?? p.HotWallets[asset.Chain], destination, time, accountId, scenario));
    }

    internal decimal Units(SampleAsset asset, decimal usd) => Math.Max(Math.Round(usd / asset.PriceUsd, asset.Decimals), 1m / Pow10(asset.Decimals));

    internal void CustomerWithdrawal(SamplePlatform p, DateTimeOffset time, string? scenario)
    {
        var asset = PickAsset(p);
        var customer = p.Customers[_random.Next(p.Customers.Count)];
        var usd = (decimal)Math.Min(LogNormal(median: 600, sigma: 1.4), 400_000);
        var destination = customer.Addresses.TryGetValue(asset.Chain, out var usual) && _random.NextDouble() < 0.85 ? usual : _addresses.For(asset.Chain);
        Emit(p, asset, Units(asset, usd), destination, time, customer.AccountId, scenario);
    }

    private void Provision(SamplePlatform p, decimal scale)
    {
        foreach (var chain in p.Assets.Select(a => a.Chain).Distinct())
        {
            p.HotWallets[chain] = _addresses.For(chain);
            p.ColdWallets[chain] = _addresses.For(chain);
        }

        foreach (var asset in p.Assets)
        {
            var hot = p.HotWalletUsd * scale * (decimal)asset.Share / asset.PriceUsd;
            p.Balances[p.HotWallets[asset.Chain] + "/" + asset.Symbol] = Math.Round(hot, asset.Decimals);
            p.Balances[p.HotWallets[asset.Chain] + "/" + asset.Symbol + "/full"] = Math.Round(hot, asset.Decimals);
            p.Balances[p.ColdWallets[asset.Chain] + "/" + asset.Symbol] = Math.Round(hot * 20, asset.Decimals);
        }

        for (var i = 0; i < 1500 * scale; i++)
        {
            var addresses = p.Assets.Select(a => a.Chain).Distinct().ToDictionary(c => c, c => _addresses.For(c));
            var account = p.Type == "defi" ? addresses["ethereum"] : $"acct-{_random.Next(100_000, 999_999)}";
            p.Customers.Add(new SampleCustomer(account, addresses));
        }
    }

    // Cold-to-hot refills are the platform's own rebalancing: the destination is its own hot wallet.
    private void RefillIfLow(SamplePlatform p, SampleAsset asset, DateTimeOffset time)
    {
        var hot = p.HotWallets[asset.Chain];
        var key = hot + "/" + asset.Symbol;
        var full = p.Balances.GetValueOrDefault(key + "/full");
        if (full == 0)
        {
            return;
        }

        if (p.Balances[key] >= full * 0.35m)
        {
            return;
        }

        var topUp = full - p.Balances[key];
        var cold = p.ColdWallets[asset.Chain];
        var coldKey = cold + "/" + asset.Symbol;
        if (p.Balances[coldKey] < topUp)
        {
            // Customers' deposits are swept into cold storage, which the withdrawal stream does not show: over days of
            // refills the cold wallet would otherwise report a negative balance, which the contract refuses.
            p.Balances[coldKey] += full * 20;
        }

        p.Balances[coldKey] -= topUp;
        _events.Add(new SampleEvent(
            $"{p.Id[..2]}-r{++_sequence:D8}", p.Id, p.Type, asset.Chain, asset.Symbol, topUp,
            asset.ProducerSendsUsd ? Math.Round(topUp * asset.PriceUsd, 2) : null,
            cold, p.SendsBalance ? p.Balances[coldKey] : null, null, hot, _addresses.TxHash(asset.Chain),
            time.AddMilliseconds(1), "look-alike:rebalancing"));
        p.Balances[key] = full;
    }

    private void WhaleRoutine(SamplePlatform p, DateTimeOffset time, string? scenario)
    {
        // Three whales per exchange, each with one usual address per chain, withdraw 1-3 M USD once a day.
        for (var w = 0; w < 3; w++)
        {
            var whale = p.Customers[w];
            var asset = p.Assets[w % 2];
            var usd = 1_200_000m + (w * 700_000m) + (decimal)_random.Next(0, 200_000);
            Emit(p, asset, Units(asset, usd), whale.Addresses[asset.Chain], time.AddMinutes(w * 90), whale.AccountId, scenario);
        }
    }

    private void NewListing(SamplePlatform p, DateTimeOffset listed)
    {
        var newt = new SampleAsset("NEWT", "ethereum", 0.42m, 4, ProducerSendsUsd: true, Share: 0.02);
        p.Balances[p.HotWallets["ethereum"] + "/NEWT"] = 50_000_000m;
        p.Balances[p.HotWallets["ethereum"] + "/NEWT/full"] = 50_000_000m;
        for (var i = 0; i < 600; i++)
        {
            var time = listed.AddSeconds(_random.Next(0, 6 * 3600));
            var customer = p.Customers[_random.Next(p.Customers.Count)];
            var usd = (decimal)Math.Min(LogNormal(median: 400, sigma: 1.1), 60_000);
            Emit(p, newt, Units(newt, usd), _addresses.For("ethereum"), time, customer.AccountId, "look-alike:new-listing");
        }
    }

    private IEnumerable<DateTimeOffset> OrdinaryTimes(DateTimeOffset dayStart, int count, DateTimeOffset? rushStart)
    {
        // Diurnal: quiet around 03:00 UTC, busy around 15:00 UTC (0.4x to 1.6x the mean rate).
        var produced = 0;
        while (produced < count)
        {
            var second = _random.Next(0, 86_400);
            var hour = second / 3600.0;
            var rate = 1 + (0.6 * Math.Sin((hour - 9) / 24 * 2 * Math.PI));
            if (_random.NextDouble() * 1.6 > rate)
            {
                continue;
            }

            produced++;
            var time = dayStart.AddSeconds(second).AddMilliseconds(_random.Next(0, 1000));
            yield return time;
            if (rushStart is { } rush && time >= rush && time < rush.AddMinutes(90))
            {
                // Market-wide rush: ordinary customers withdraw three times as often for 90 minutes.
                yield return time.AddMilliseconds(_random.Next(1, 60_000));
                yield return time.AddMilliseconds(_random.Next(1, 60_000));
            }
        }
    }

    private SamplePlatform PickPlatform()
    {
        var x = _random.NextDouble();
        foreach (var p in _platforms)
        {
            x -= p.TrafficShare;
            if (x <= 0)
            {
                return p;
            }
        }

        return _platforms[^1];
    }

    private SampleAsset PickAsset(SamplePlatform p)
    {
        var x = _random.NextDouble() * p.Assets.Sum(a => a.Share);
        foreach (var a in p.Assets)
        {
            x -= a.Share;
            if (x <= 0)
            {
                return a;
            }
        }

        return p.Assets[^1];
    }

    private double LogNormal(double median, double sigma)
    {
        // Box-Muller; two uniforms, so the stream stays deterministic.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static decimal Pow10(int decimals)
    {
        var value = 1m;
        for (var i = 0; i < decimals; i++)
        {
            value *= 10;
        }

        return value;
    }
}
