using System.Text;
using System.Text.Json;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Binary snapshot of one detector state, versioned by its first byte so a new engine can refuse (or migrate) an old
/// snapshot explicitly. Rules are not stored: a restored state takes the rules in force now.
/// Version 3 added an account's latest withdrawal times and a wallet window's outsized withdrawals, version 4 the evidence
/// alerts name (each wallet window's largest withdrawals; which withdrawals an account's near-threshold and mixer-denomination
/// rings hold; which withdrawal each account counted by a destination made), version 5 a wallet's largest large legs (what
/// its large-leg alerts name), version 6 a wallet's judged withdrawal sizes (the learned share of rare ones, the rare legs
/// of its long window and the latest of them), version 7 a wallet's cold-start legs (see
/// <see cref="RuleEvaluators.ColdStartLegs"/>), version 8 the amount each open alert was last announced at (an older
/// state's open alerts take their current amount), where each of a platform's wallets has sent funds (an older state's
/// wallets count as having sent nowhere yet, so none is taken for a wallet that only moved funds internally), and a
/// wallet's long-window cold-start legs, each window's largest such leg and the latest of those legs (an older state
/// starts the long window's legs empty, and its short window knows no largest leg, which no test reads there), version 9
/// when each account a destination counts last sent there (fan-in's window now slides while the destination is new) and
/// each wallet window's routine withdrawals (an older state's windows count none until their buckets leave); an older
/// state is read without them (they fill again within the structuring and rapid-drain windows), so an upgrade keeps what
/// every state has learned. A platform's latest event ids are a trailer, read before version 8 only when present:
/// snapshots written before it load without them (and an older engine ignores them). Version 11 added a wallet's learned
/// outflow in asset units (the usual size of a withdrawal nothing values in USD; an older state learns it afresh) and, for
/// each of a platform's drained pairs, the withdrawal nothing valued that counted it (an older state's pairs count without). Version
/// 12 added, for each of a platform's open alerts, the amount at which its current burst of growth began (an older state's
/// alerts are in no burst until they next pause and grow). Versions 8 to 12 write what they added after everything else a
/// state holds, so each older layout stays a prefix of the new one.
/// </summary>
internal static class DetectorStateCodec
{
    private const byte Version = 12;
    private const byte OldestReadableVersion = 2;
    private const byte VersionWithOutsized = 3;
    private const byte VersionWithEvidence = 4;
    private const byte VersionWithLegEvidence = 5;
    private const byte VersionWithJudgedSizes = 6;
    private const byte VersionWithColdStartLegs = 7;
    private const byte VersionWithAnnouncedAmounts = 8;
    private const byte VersionWithWalletTransfers = 8;
    private const byte VersionWithLongColdStartLegs = 8;
    private const byte VersionWithAccountTimes = 9;
    private const byte VersionWithRoutineWithdrawals = 9;
    private const byte VersionWithSendsAccounts = 9;
    private const byte VersionWithKeyTransferWallets = 10;
    private const byte VersionWithLearnedUnits = 11;
    private const byte VersionWithBurstBases = 12;
    private const byte PlatformKind = (byte)'p';
    private const byte WalletKind = (byte)'w';
    private const byte DestinationKind = (byte)'d';
    private const byte AccountKind = (byte)'a';

    public static byte[] Encode(TrackedState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            switch (state)
            {
                case PlatformState p: WritePlatform(writer, p); break;
                case WalletAssetState w: WriteWallet(writer, w); break;
                case DestinationState d: WriteDestination(writer, d); break;
                case AccountState a: WriteAccount(writer, a); break;
                default: throw new ArgumentException($"unknown state type {state.GetType().Name}", nameof(state));
            }
        }

        return stream.ToArray();
    }

    public static TrackedState Decode(DetectorStateEntry entry, DetectionRules rules)
    {
        using var reader = new BinaryReader(new MemoryStream(entry.Payload), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version is < OldestReadableVersion or > Version)
        {
            throw new InvalidDataException($"detector state '{entry.Key}' has snapshot version {version}; this engine reads versions {OldestReadableVersion} to {Version}");
        }

        var kind = reader.ReadByte();
        return kind switch
        {
            PlatformKind => ReadPlatform(reader, version),
            WalletKind => ReadWallet(reader, rules, version),
            DestinationKind => ReadDestination(reader, version),
            AccountKind => ReadAccount(reader, version),
            _ => throw new InvalidDataException($"detector state '{entry.Key}' has unknown kind '{(char)kind}'"),
        };
    }

    private static void WritePlatform(BinaryWriter w, PlatformState p)
    {
        w.Write(PlatformKind);
        w.Write(p.Platform);
        w.Write(p.LastSeen.UtcTicks);
        // Most recent first, without the times (the format predates them): a reader restores the order, which is what
        // decides which wallets leave once there are too many.
        w.Write(p.OwnWallets.Count);
        foreach (var (wallet, _) in p.OwnWallets.InRecencyOrder())
        {
            w.Write(wallet.Value);
        }

        var live = p.DrainingKeys.Where(k => k.Wallet is not null).ToList();
        w.Write(live.Count);
        foreach (var key in live)
        {
            w.Write(key.Wallet!);
            w.Write(key.Asset!);
            w.Write(key.Time.UtcTicks);
            w.Write(key.WindowUsd);
        }

        WriteEpisode(w, p.MultiAssetEpisode);
        WriteEpisodes(w, p.LargeWithdrawalEpisodes);
        WriteEpisodes(w, p.RapidDrainEpisodes);

        // A trailer that older snapshots lack (read only when present, so no version change): the latest event ids, oldest
        // first, so an event sent again after the partition moved is still recognised as a duplicate.
        var ids = p.EventIds?.Latest().ToList() ?? [];
        w.Write(ids.Count);
        foreach (var id in ids)
        {
            w.Write(unchecked((ulong)id));
            w.Write(unchecked((ulong)(id >> 64)));
        }

        WriteAnnouncedAmounts(w, PlatformEpisodes(p));

        // Version 8 on: where each own wallet (in the order above) has sent funds so far. The flag for a cold wallet's first
        // transfer outside without an account (4) came later within the same byte; an engine before it refuses the entry.
        foreach (var (wallet, _) in p.OwnWallets.InRecencyOrder())
        {
            w.Write((byte)p.OwnWallets.MovedBy(wallet));
        }

        // Version 9 on: whether the platform's events carry accounts (a key transfer to a dust-paid address is new again).
        w.Write(p.SendsAccounts);

        // Version 11 on: for each drained pair (in the order above), the withdrawal nothing valued that counted it, if any.
        foreach (var key in live)
        {
            WriteUnvaluedLeg(w, key.Leg);
        }

        // Version 12 on: where each open alert's current burst of growth began.
        WriteEpisodeAmounts(w, PlatformEpisodes(p), static episode => episode.BurstBaseUsd);
    }

    private static void WriteUnvaluedLeg(BinaryWriter w, UnvaluedLeg? leg)
    {
        w.Write(leg.HasValue);
        if (leg is not { } l)
        {
            return;
        }

        EvidenceCodec.Write(w, l.Evidence);
        w.Write(l.Units);
        w.Write(l.EmptiedShare);
        w.Write(l.UsualMultiple);
    }

    private static UnvaluedLeg? ReadUnvaluedLeg(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        var w = EvidenceCodec.Read(r);
        return new UnvaluedLeg(w.EventId, w.Destination, w.TxHash, w.Time, r.ReadDecimal(), r.ReadDouble(), r.ReadDouble());
    }

    private static PlatformState ReadPlatform(BinaryReader r, byte version)
    {
        var p = new PlatformState(r.ReadString()) { LastSeen = ReadTime(r) };
        var wallets = new AddressKey[r.ReadInt32()];
        for (var i = 0; i < wallets.Length; i++)
        {
            wallets[i] = new AddressKey(r.ReadString());
            p.OwnWallets.Touch(wallets[i], p.LastSeen.AddTicks(-i));
        }

        var keys = r.ReadInt32();
        for (var i = 0; i < keys && i < p.DrainingKeys.Length; i++)
        {
            p.DrainingKeys[i] = new PlatformState.DrainingKey(r.ReadString(), r.ReadString(), ReadTime(r), r.ReadDecimal());
        }

        p.MultiAssetEpisode = ReadEpisode(r);
        ReadEpisodes(r, p.LargeWithdrawalEpisodes);
        ReadEpisodes(r, p.RapidDrainEpisodes);
        // Written by every version 8 on; before that only when present.
        if (version >= VersionWithAnnouncedAmounts || r.BaseStream.Position < r.BaseStream.Length)
        {
            var count = r.ReadInt32();
            if (count is < 0 or > RecentEventIds.MaxSaved)
            {
                throw new InvalidDataException($"platform '{p.Platform}' keeps {count} event ids; at most {RecentEventIds.MaxSaved} are saved");
            }

            var ids = new UInt128[count];
            for (var i = 0; i < count; i++)
            {
                var low = r.ReadUInt64();
                ids[i] = new UInt128(r.ReadUInt64(), low);
            }

            p.RestoredEventIds = ids;
        }

        ReadAnnouncedAmounts(r, version, PlatformEpisodes(p));
        if (version >= VersionWithWalletTransfers)
        {
            foreach (var wallet in wallets)
            {
                p.OwnWallets.RestoreMoved(wallet, r.ReadByte());
            }
        }

        if (version >= VersionWithSendsAccounts)
        {
            p.SendsAccounts = r.ReadBoolean();
        }

        if (version >= VersionWithLearnedUnits)
        {
            for (var i = 0; i < keys; i++)
            {
                var leg = ReadUnvaluedLeg(r);
                if (i < p.DrainingKeys.Length)
                {
                    p.DrainingKeys[i] = p.DrainingKeys[i] with { Leg = leg };
                }
            }
        }

        if (version >= VersionWithBurstBases)
        {
            ReadEpisodeAmounts(r, PlatformEpisodes(p), "began its burst at", static (episode, usd) => episode.BurstBaseUsd = usd);
        }

        return p;
    }

    private static void WriteWallet(BinaryWriter w, WalletAssetState s)
    {
        w.Write(WalletKind);
        w.Write(s.Platform);
        w.Write(s.Wallet);
        w.Write(s.Asset);
        w.Write(s.LastSeen.UtcTicks);
        w.Write(s.FirstSeen.UtcTicks);
        w.Write(s.Balance.HasValue);
        w.Write(s.Balance ?? 0m);
        w.Write(s.BalanceTime.UtcTicks);
        w.Write(s.Baseline.UsdPerBucket);
        w.Write(s.Baseline.EventsPerBucket);
        w.Write(s.Baseline.DecayedMaxUsd);
        w.Write(s.Baseline.LearnedBuckets);
        w.Write(s.Baseline.LearnedEvents);
        s.Short.Write(w);
        s.Long.Write(w);
        s.ShortEvidence.Write(w);
        s.LongEvidence.Write(w);
        s.LegEvidence.Write(w);
        w.Write(s.Baseline.JudgedPerBucket);
        w.Write(s.Baseline.RarePerBucket);
        w.Write(s.Baseline.JudgedBuckets);
        w.Write(s.Baseline.JudgedEvents);
        s.Long.WriteJudged(w);
        s.RareLegEvidence.Write(w);
        s.Short.WriteColdStartLegs(w);
        s.Long.WriteColdStartLegs(w);
        s.Short.WriteLargestColdStartLegs(w);
        s.Long.WriteLargestColdStartLegs(w);
        s.ColdStartLegEvidence.Write(w);

        // Version 9 on: each window's routine withdrawals.
        s.Short.WriteRoutine(w);
        s.Long.WriteRoutine(w);

        // Version 11 on: the learned outflow in asset units.
        w.Write(s.Baseline.UnitsPerBucket);
        w.Write(s.Baseline.UnitEventsPerBucket);
        w.Write(s.Baseline.UnitEventsLearned);
    }

    private static WalletAssetState ReadWallet(BinaryReader r, DetectionRules rules, byte version)
    {
        var platform = r.ReadString();
        var wallet = r.ReadString();
        var asset = r.ReadString();
        var s = new WalletAssetState(platform, wallet, asset, rules.For(platform, asset))
        {
            LastSeen = ReadTime(r),
            FirstSeen = ReadTime(r),
        };
        var hasBalance = r.ReadBoolean();
        var balance = r.ReadDecimal();
        s.Balance = hasBalance ? balance : null;
        s.BalanceTime = ReadTime(r);
        s.Baseline.Restore(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        s.Short.Read(r, withOutsized: version >= VersionWithOutsized);
        s.Long.Read(r, withOutsized: version >= VersionWithOutsized);
        if (version >= VersionWithEvidence)
        {
            s.ShortEvidence.Read(r);
            s.LongEvidence.Read(r);
        }

        if (version >= VersionWithLegEvidence)
        {
            s.LegEvidence.Read(r);
        }

        if (version >= VersionWithJudgedSizes)
        {
            s.Baseline.RestoreSizes(r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
            s.Long.ReadJudged(r);
            s.RareLegEvidence.Read(r);
        }

        if (version >= VersionWithColdStartLegs)
        {
            s.Short.ReadColdStartLegs(r);
        }

        if (version >= VersionWithLongColdStartLegs)
        {
            s.Long.ReadColdStartLegs(r);
            s.Short.ReadLargestColdStartLegs(r);
            s.Long.ReadLargestColdStartLegs(r);
            s.ColdStartLegEvidence.Read(r);
        }

        if (version >= VersionWithRoutineWithdrawals)
        {
            s.Short.ReadRoutine(r);
            s.Long.ReadRoutine(r);
        }

        if (version >= VersionWithLearnedUnits)
        {
            s.Baseline.RestoreUnits(r.ReadDouble(), r.ReadDouble(), r.ReadInt64());
        }

        return s;
    }

    private static void WriteDestination(BinaryWriter w, DestinationState d)
    {
        w.Write(DestinationKind);
        w.Write(d.Platform);
        w.Write(d.Address);
        w.Write(d.LastSeen.UtcTicks);
        w.Write(d.FirstSeen.UtcTicks);
        w.Write(d.MaxReceivedUsd);
        w.Write(d.ReceivedCount);
        w.Write(d.FreshUsd);
        w.Write(d.FreshCount);
        w.Write(d.FreshLegsUsd);
        w.Write(d.FreshLegs);
        w.Write(d.AssetCount);
        for (var i = 0; i < d.AssetCount; i++)
        {
            w.Write(d.Assets![i].Asset);
            w.Write(d.Assets[i].Usd);
        }

        w.Write(d.FirstAccount ?? string.Empty);
        WriteWithdrawal(w, d.FirstAccountWithdrawal);
        w.Write(d.OtherAccountCount);
        for (var i = 0; i < d.OtherAccountCount; i++)
        {
            w.Write(d.OtherAccounts![i]);
            WriteWithdrawal(w, d.OtherAccountWithdrawals![i]);
        }

        WriteEpisode(w, d.WatchlistEpisode);
        WriteEpisode(w, d.FanInEpisode);
        WriteAnnouncedAmounts(w, d.WatchlistEpisode, d.FanInEpisode);

        // Version 9 on: when each counted account (in the order above) last sent here.
        if (d.FirstAccount is not null)
        {
            w.Write(d.FirstAccountLastSent.UtcTicks);
        }

        for (var i = 0; i < d.OtherAccountCount; i++)
        {
            w.Write(d.OtherAccountsLastSent![i].UtcTicks);
        }

        // Version 10 on: the wallets that sent here without an account while the destination was new, their USD, and since when.
        var sources = d.KeyTransfers;
        w.Write(sources?.Count ?? 0);
        for (var i = 0; i < sources?.Count; i++)
        {
            w.Write(sources[i]);
        }

        w.Write(sources?.Usd ?? 0m);
        w.Write(sources?.Since.UtcTicks ?? 0L);
    }

    private static void WriteWithdrawal(BinaryWriter w, (string? EventId, TransactionHash TxHash) withdrawal)
    {
        w.Write(withdrawal.EventId ?? string.Empty);
        EvidenceCodec.WriteTxHash(w, withdrawal.TxHash);
    }

    private static (string?, TransactionHash) ReadWithdrawal(BinaryReader r, bool present)
    {
        if (!present)
        {
            return default;
        }

        var eventId = r.ReadString();
        return (eventId.Length == 0 ? null : eventId, EvidenceCodec.ReadTxHash(r));
    }

    /// <remarks>Before version 4 the counted accounts are restored without the withdrawals they made.</remarks>
    private static DestinationState ReadDestination(BinaryReader r, byte version)
    {
        var withWithdrawals = version >= VersionWithEvidence;
        var platform = r.ReadString();
        var address = r.ReadString();
        var lastSeen = ReadTime(r);
        var d = new DestinationState(platform, address, ReadTime(r))
        {
            LastSeen = lastSeen,
            MaxReceivedUsd = r.ReadDecimal(),
            ReceivedCount = r.ReadInt32(),
            FreshUsd = r.ReadDecimal(),
            FreshCount = r.ReadInt32(),
            FreshLegsUsd = r.ReadDecimal(),
            FreshLegs = r.ReadInt32(),
        };
        d.AssetCount = r.ReadInt32();
        if (d.AssetCount > 0)
        {
            d.Assets = new (string, decimal)[DestinationState.MaxAssets];
            for (var i = 0; i < d.AssetCount; i++)
            {
                d.Assets[i] = (r.ReadString(), r.ReadDecimal());
            }
        }

        var first = r.ReadString();
        d.FirstAccount = first.Length == 0 ? null : first;
        d.FirstAccountWithdrawal = ReadWithdrawal(r, withWithdrawals);
        var others = r.ReadInt32();
        if (others is < 0 or >= DestinationState.MaxAccounts)
        {
            throw new InvalidDataException($"destination {address} holds {others} accounts after its first; at most {DestinationState.MaxAccounts - 1} are kept");
        }

        for (var i = 0; i < others; i++)
        {
            // Each account's latest time follows at the end (version 9 on); until read, it is taken as the first sighting.
            d.TryAddOtherAccount(r.ReadString(), ReadWithdrawal(r, withWithdrawals), d.FirstSeen);
        }

        d.WatchlistEpisode = ReadEpisode(r);
        d.FanInEpisode = ReadEpisode(r);
        ReadAnnouncedAmounts(r, version, d.WatchlistEpisode, d.FanInEpisode);
        ReadAccountsLastSent(r, version, d);
        ReadKeyTransferWallets(r, version, d);
        return d;
    }

    /// <remarks>Before version 10 no such wallets were counted: the destination counts them from its next transfer.</remarks>
    private static void ReadKeyTransferWallets(BinaryReader r, byte version, DestinationState d)
    {
        if (version < VersionWithKeyTransferWallets)
        {
            return;
        }

        var count = r.ReadInt32();
        if (count is < 0 or > KeyTransferSources.MaxWallets)
        {
            throw new InvalidDataException($"destination {d.Address} counts {count} wallets sending without an account; at most {KeyTransferSources.MaxWallets} are kept");
        }

        var wallets = new string[count];
        for (var i = 0; i < count; i++)
        {
            wallets[i] = r.ReadString();
        }

        var usd = r.ReadDecimal();
        var since = r.ReadInt64();
        d.KeyTransfers = count == 0 ? null : KeyTransferSources.Restore(wallets, usd, new DateTimeOffset(since, TimeSpan.Zero));
    }

    /// <remarks>
    /// Before version 9 only accounts that sent within fan-in's window of the destination's first sighting were counted, so
    /// each is taken to have last sent then: they count within that window as before, and no longer after it.
    /// </remarks>
    private static void ReadAccountsLastSent(BinaryReader r, byte version, DestinationState d)
    {
        var present = version >= VersionWithAccountTimes;
        if (d.FirstAccount is not null)
        {
            d.FirstAccountLastSent = present ? ReadTime(r) : d.FirstSeen;
        }

        for (var i = 0; i < d.OtherAccountCount; i++)
        {
            d.OtherAccountsLastSent![i] = present ? ReadTime(r) : d.FirstSeen;
        }
    }

    private static void WriteAccount(BinaryWriter w, AccountState a)
    {
        w.Write(AccountKind);
        w.Write(a.Platform);
        w.Write(a.Account);
        w.Write(a.LastSeen.UtcTicks);
        WriteRing(w, a.NearThreshold);
        WriteRing(w, a.MixerDenominations);
        WriteEpisode(w, a.StructuringEpisode);
        WriteEpisode(w, a.MixerDenominationEpisode);
        a.Withdrawals.Write(w);
        WriteAnnouncedAmounts(w, a.StructuringEpisode, a.MixerDenominationEpisode);
    }

    private static AccountState ReadAccount(BinaryReader r, byte version)
    {
        var a = new AccountState(r.ReadString(), r.ReadString()) { LastSeen = ReadTime(r) };
        a.NearThreshold = ReadRing(r, withIdentities: version >= VersionWithEvidence);
        a.MixerDenominations = ReadRing(r, withIdentities: version >= VersionWithEvidence);
        a.StructuringEpisode = ReadEpisode(r);
        a.MixerDenominationEpisode = ReadEpisode(r);
        a.Withdrawals = version >= VersionWithOutsized ? RecentTimes.Read(r) : default;
        ReadAnnouncedAmounts(r, version, a.StructuringEpisode, a.MixerDenominationEpisode);
        return a;
    }

    private static void WriteRing(BinaryWriter w, TimeRing? ring)
    {
        w.Write(ring is not null);
        ring?.Write(w);
    }

    private static TimeRing? ReadRing(BinaryReader r, bool withIdentities) => r.ReadBoolean() ? TimeRing.Read(r, withIdentities) : null;

    private static void WriteEpisodes(BinaryWriter w, Dictionary<string, AlertEpisode> episodes)
    {
        w.Write(episodes.Count);
        foreach (var (key, episode) in episodes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            WriteEpisode(w, episode);
        }
    }

    private static void ReadEpisodes(BinaryReader r, Dictionary<string, AlertEpisode> episodes)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            episodes[key] = ReadEpisode(r) ?? throw new InvalidDataException("detector state holds an empty wallet episode");
        }
    }

    private static void WriteEpisode(BinaryWriter w, AlertEpisode? episode)
    {
        w.Write(episode is not null);
        if (episode is null)
        {
            return;
        }

        w.Write(episode.LastTrigger.UtcTicks);
        w.Write(episode.Cooldown.Ticks);
        w.Write(JsonSerializer.Serialize(episode.Alert, AlertJsonContext.Default.Alert));
    }

    private static AlertEpisode? ReadEpisode(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        var lastTrigger = ReadTime(r);
        var cooldown = TimeSpan.FromTicks(r.ReadInt64());
        var alert = JsonSerializer.Deserialize(r.ReadString(), AlertJsonContext.Default.Alert)
            ?? throw new InvalidDataException("detector state holds a null alert");
        // Until its trailer is read (version 8 on), the alert counts as announced at its current amount.
        return new AlertEpisode(alert, lastTrigger, cooldown, alert.AmountUsd);
    }

    /// <summary>
    /// The amount each open alert was last announced at, in the order its episode was written, after everything else the
    /// state holds: so an older layout stays a prefix of the new one.
    /// </summary>
    private static void WriteAnnouncedAmounts(BinaryWriter w, params IEnumerable<AlertEpisode?> episodes) =>
        WriteEpisodeAmounts(w, episodes, static episode => episode.AnnouncedUsd);

    private static void ReadAnnouncedAmounts(BinaryReader r, byte version, params IEnumerable<AlertEpisode?> episodes)
    {
        if (version >= VersionWithAnnouncedAmounts)
        {
            ReadEpisodeAmounts(r, episodes, "was announced at", static (episode, usd) => episode.AnnouncedUsd = usd);
        }
    }

    /// <summary>One USD amount per open alert, in the order its episode was written.</summary>
    private static void WriteEpisodeAmounts(BinaryWriter w, IEnumerable<AlertEpisode?> episodes, Func<AlertEpisode, decimal> amount)
    {
        foreach (var episode in episodes)
        {
            if (episode is not null)
            {
                w.Write(amount(episode));
            }
        }
    }

    /// <summary>
    /// Reads what <see cref="WriteEpisodeAmounts"/> wrote. Each amount is a point in the alert's growth, so one outside 0
    /// to the alert's amount is a damaged state, refused naming the alert and <paramref name="what"/> the amount is.
    /// </summary>
    private static void ReadEpisodeAmounts(BinaryReader r, IEnumerable<AlertEpisode?> episodes, string what, Action<AlertEpisode, decimal> store)
    {
        foreach (var episode in episodes)
        {
            if (episode is null)
            {
                continue;
            }

            var usd = r.ReadDecimal();
            if (usd < 0 || usd > episode.Alert.AmountUsd)
            {
                throw new InvalidDataException($"alert {episode.Alert.AlertId} {what} {usd} USD, outside 0 to its amount of {episode.Alert.AmountUsd}");
            }

            store(episode, usd);
        }
    }

    private static IEnumerable<AlertEpisode?> PlatformEpisodes(PlatformState p) =>
        [p.MultiAssetEpisode, .. InWriteOrder(p.LargeWithdrawalEpisodes), .. InWriteOrder(p.RapidDrainEpisodes)];

    private static IEnumerable<AlertEpisode> InWriteOrder(Dictionary<string, AlertEpisode> episodes) =>
        episodes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value);

    private static DateTimeOffset ReadTime(BinaryReader r) => new(r.ReadInt64(), TimeSpan.Zero);
}
