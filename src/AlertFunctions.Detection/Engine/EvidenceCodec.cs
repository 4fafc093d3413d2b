using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>How one kept withdrawal is written in a snapshot, shared by the evidence a wallet keeps.</summary>
internal static class EvidenceCodec
{
    public static void Write(BinaryWriter writer, in EvidenceWithdrawal w)
    {
        writer.Write(w.EventId);
        writer.Write(w.Destination);
        WriteTxHash(writer, w.TxHash);
        writer.Write(w.Usd);
        writer.Write(w.Time.UtcTicks);
    }

    /// <summary>Reads a count and that many withdrawals into <paramref name="into"/>; returns the count. More than fit is refused, naming <paramref name="what"/>.</summary>
    public static int ReadAll(BinaryReader reader, Span<EvidenceWithdrawal> into, string what)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > into.Length)
        {
            throw new InvalidDataException($"{what} holds {count} withdrawals; at most {into.Length} fit");
        }

        for (var i = 0; i < count; i++)
        {
            into[i] = Read(reader);
        }

        return count;
    }

    public static EvidenceWithdrawal Read(BinaryReader reader)
    {
        var eventId = reader.ReadString();
        var destination = reader.ReadString();
        var txHash = ReadTxHash(reader);
        var usd = reader.ReadDecimal();
        var time = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        return new EvidenceWithdrawal(eventId, destination, txHash, usd, time);
    }

    /// <summary>A hash as snapshots have always written it: its text, empty for none.</summary>
    public static void WriteTxHash(BinaryWriter writer, TransactionHash txHash) => writer.Write(txHash.ToString() ?? string.Empty);

    public static TransactionHash ReadTxHash(BinaryReader reader)
    {
        var text = reader.ReadString();
        return TransactionHash.From(text.Length == 0 ? null : text);
    }
}
