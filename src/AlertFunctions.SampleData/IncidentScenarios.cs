namespace AlertFunctions.SampleData;

/// <summary>
/// Incidents on the sample's last day, each modelled on a public theft or laundering pattern (see the README):
/// a cold-wallet sweep (Bybit 2025), a hot-wallet key compromise draining several assets within minutes (Stake.com 2023),
/// a slow trickle out of a bridge over hours (Harmony 2022), exact-denomination withdrawals then a Tornado Cash deposit
/// (WazirX 2024 laundering), a payout to an OFAC-listed Lazarus address, structuring under the 10,000 USD threshold, and
/// taken-over accounts consolidating into one new address.
/// </summary>
internal sealed class IncidentScenarios(SampleTrafficGenerator g, DateTimeOffset day)
{
    private const string TornadoTenEthPool = "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF";
    private const string LazarusOfacAddress = "0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B";

    public void AddAll()
    {
        ColdWalletSweep();
        HotWalletKeyCompromise();
        BridgeTrickle();
        MixerLaundering();
        SanctionedPayout();
        Structuring();
        AccountTakeoverFanIn();
    }

    private void ColdWalletSweep()
    {
        var p = g.Platform("northwind-exchange");
        var eth = p.Assets.Single(a => a.Symbol == "ETH");
        var cold = p.ColdWallets["ethereum"];
        var attacker = g.NewAddress("ethereum");
        g.Emit(p, eth, null, attacker, day.AddHours(3).AddMinutes(12).AddSeconds(7), null, "incident:cold-wallet-sweep", cold, shareOfBalance: 0.985m);
        var usdt = p.Assets.Single(a => a.Symbol == "USDT");
        g.Emit(p, usdt, null, attacker, day.AddHours(3).AddMinutes(14).AddSeconds(41), null, "incident:cold-wallet-sweep", cold, shareOfBalance: 1m);
    }

    private void HotWalletKeyCompromise()
    {
        var p = g.Platform("tailspin-exchange");
        var attacker = g.NewAddress("ethereum");
        var start = day.AddHours(12).AddMinutes(48);
        (string Asset, decimal Share, int Minute)[] legs = [("USDT", 0.95m, 0), ("ETH", 0.5m, 2), ("ETH", 0.9m, 3), ("USDC", 0.95m, 5), ("DAI", 0.95m, 7)];
        foreach (var (symbol, share, minute) in legs)
        {
            var asset = p.Assets.Single(a => a.Symbol == symbol);
            g.Emit(p, asset, null, attacker, start.AddMinutes(minute).AddSeconds(g.Random.Next(0, 50)), null, "incident:hot-wallet-key-compromise", shareOfBalance: share);
        }
    }

    private void BridgeTrickle()
    {
        var p = g.Platform("fabrikam-bridge");
        var eth = p.Assets.Single(a => a.Symbol == "ETH");
        string[] receivers = [g.NewAddress("ethereum"), g.NewAddress("ethereum")];
        for (var i = 0; i < 18; i++)
        {
            var amount = 150m + g.Random.Next(0, 20);
            g.Emit(p, eth, amount, receivers[i % 2], day.AddHours(15).AddMinutes(20 * i).AddSeconds(g.Random.Next(0, 60)), null, "incident:bridge-trickle");
        }
    }

    private void MixerLaundering()
    {
        var p = g.Platform("northwind-exchange");
        var eth = p.Assets.Single(a => a.Symbol == "ETH");
        const string Account = "acct-774120";
        int[] minutes = [5, 22, 41, 63];
        foreach (var minute in minutes)
        {
            g.Emit(p, eth, 100m, g.NewAddress("ethereum"), day.AddHours(16).AddMinutes(minute), Account, "incident:mixer-denominations");
        }

        g.Emit(p, eth, 10m, TornadoTenEthPool, day.AddHours(17).AddMinutes(30), Account, "incident:mixer-deposit");
    }

    private void SanctionedPayout()
    {
        var p = g.Platform("contoso-defi");
        var usdc = p.Assets.Single(a => a.Symbol == "USDC");
        g.Emit(p, usdc, 25_000m, LazarusOfacAddress, day.AddHours(19).AddMinutes(40), g.NewAddress("ethereum"), "incident:sanctioned-destination");
    }

    private void Structuring()
    {
        var p = g.Platform("northwind-exchange");
        var usdt = p.Assets.Single(a => a.Symbol == "USDT");
        const string Account = "acct-339017";
        var destination = g.NewAddress("ethereum");
        (int Hour, int Minute, decimal Usd)[] legs = [(8, 10, 9_650m), (11, 45, 9_800m), (15, 30, 9_920m), (20, 5, 9_700m)];
        foreach (var (hour, minute, usd) in legs)
        {
            g.Emit(p, usdt, usd, destination, day.AddHours(hour).AddMinutes(minute), Account, "incident:structuring");
        }
    }

    private void AccountTakeoverFanIn()
    {
        var p = g.Platform("northwind-exchange");
        var usdt = p.Assets.Single(a => a.Symbol == "USDT");
        var collector = g.NewAddress("ethereum");
        for (var i = 0; i < 7; i++)
        {
            var victim = p.Customers[100 + (i * 37)];
            g.Emit(p, usdt, 2_000m + g.Random.Next(0, 6_000), collector, day.AddHours(22).AddMinutes(6 * i).AddSeconds(g.Random.Next(0, 50)), victim.AccountId, "incident:account-takeover-fan-in");
        }
    }
}
