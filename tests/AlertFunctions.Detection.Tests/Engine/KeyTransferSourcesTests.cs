using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Tests.Engine.Scenarios;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class KeyTransferSourcesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_OneWalletInTwoSpellings_CountsOneWalletAndBothAmounts()
    {
        var wallet = Addresses.Evm("deposit-1");
        var sources = new KeyTransferSources("0x" + wallet[2..].ToUpperInvariant(), 10m, Start);

        var (wallets, usd) = sources.Add(wallet, 15m, Start);

        Assert.Equal((1, 25m), (wallets, usd));
    }

    [Fact]
    public void Add_MoreWalletsThanKept_StopsCountingAtTheMaximumAndKeepsAddingTheirUsd()
    {
        var sources = new KeyTransferSources(Addresses.Evm("deposit-0"), 1m, Start);

        for (var i = 1; i < KeyTransferSources.MaxWallets + 5; i++)
        {
            sources.Add(Addresses.Evm($"deposit-{i}"), 1m, Start.AddMinutes(i));
        }

        Assert.Equal((KeyTransferSources.MaxWallets, KeyTransferSources.MaxWallets + 5m), (sources.Count, sources.Usd));
        Assert.Equal(
            Enumerable.Range(0, KeyTransferSources.MaxWallets).Select(i => Addresses.Evm($"deposit-{i}")),
            Enumerable.Range(0, sources.Count).Select(i => sources[i]));
    }

    [Fact]
    public void Add_TransferStampedBeforeTheFirst_MovesTheStartBackAndALaterOneDoesNot()
    {
        var sources = new KeyTransferSources(Addresses.Evm("deposit-0"), 1m, Start);

        sources.Add(Addresses.Evm("deposit-1"), 1m, Start.AddMinutes(-3));
        sources.Add(Addresses.Evm("deposit-2"), 1m, Start.AddMinutes(5));

        Assert.Equal(Start.AddMinutes(-3), sources.Since);
    }

    [Fact]
    public void Restore_WhatWasKept_CountsOnFromThere()
    {
        var restored = KeyTransferSources.Restore([Addresses.Evm("deposit-0"), Addresses.Evm("deposit-1")], 40m, Start);

        Assert.Equal((2, 50m), restored.Add(Addresses.Evm("deposit-1"), 10m, Start));
        Assert.Equal((3, 60m), restored.Add(Addresses.Evm("deposit-2"), 10m, Start));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(KeyTransferSources.MaxWallets + 1)]
    public void Restore_CountTheEngineNeverWrites_Throws(int count)
    {
        var wallets = Enumerable.Range(0, count).Select(i => Addresses.Evm($"deposit-{i}")).ToArray();

        Assert.Throws<InvalidDataException>(() => KeyTransferSources.Restore(wallets, 1m, Start));
    }

    [Fact]
    public void DestinationStartAfresh_AfterKeyTransfers_ForgetsThem()
    {
        var d = new DestinationState("northwind-exchange", "0xabc", Start) { KeyTransfers = new KeyTransferSources(Addresses.Evm("deposit-1"), 10m, Start) };

        d.StartAfresh(Start.AddDays(2));

        Assert.Null(d.KeyTransfers);
    }
}
