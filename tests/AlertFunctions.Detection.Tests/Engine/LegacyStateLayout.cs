using System.Text;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>
/// Rewrites a current (version 12; accounts and destinations unchanged since version 4 but for what versions 8 to 10 append:
/// the amounts their open alerts were announced at, when each account a destination counts last sent there, and the
/// wallets that sent to a new destination without an account) snapshot
/// in an older layout, as an engine of that version wrote it. Accounts: version 2
/// had no latest-withdrawal times, and versions 2 and 3 kept only the time and USD of each ring entry, not which
/// withdrawal it was. Destinations: versions 2 and 3 kept the accounts counted, not the withdrawals they made. Written
/// field by field so the tests state the old layouts instead of trusting the codec's reader.
/// </summary>
internal static class LegacyStateLayout
{
    public static byte[] Account(byte[] current, byte version) => Rewrite(current, version, (input, output) =>
    {
        output.Write(input.ReadByte()); // kind 'a'
        output.Write(input.ReadString()); // platform
        output.Write(input.ReadString()); // account
        output.Write(input.ReadInt64()); // last seen
        CopyRing(input, output);
        CopyRing(input, output);
        CopyEpisode(input, output);
        CopyEpisode(input, output);
        var count = input.ReadInt32();
        var next = input.ReadInt32();
        if (version >= 3)
        {
            output.Write(count);
            output.Write(next);
        }

        for (var i = 0; i < count; i++)
        {
            var ticks = input.ReadInt64();
            if (version >= 3)
            {
                output.Write(ticks);
            }
        }
    });

    public static byte[] Destination(byte[] current, byte version) => Rewrite(current, version, (input, output) =>
    {
        output.Write(input.ReadByte()); // kind 'd'
        output.Write(input.ReadString()); // platform
        output.Write(input.ReadString()); // address
        output.Write(input.ReadInt64()); // last seen
        output.Write(input.ReadInt64()); // first seen
        output.Write(input.ReadDecimal()); // largest received
        output.Write(input.ReadInt32()); // received count
        output.Write(input.ReadDecimal()); // fresh USD
        output.Write(input.ReadInt32()); // fresh count
        output.Write(input.ReadDecimal()); // fresh legs USD
        output.Write(input.ReadInt32()); // fresh legs
        var assets = input.ReadInt32();
        output.Write(assets);
        for (var i = 0; i < assets; i++)
        {
            output.Write(input.ReadString());
            output.Write(input.ReadDecimal());
        }

        output.Write(input.ReadString()); // first account
        input.ReadString(); // its withdrawal's event id and transaction hash: version 4 on
        input.ReadString();
        var others = input.ReadInt32();
        output.Write(others);
        for (var i = 0; i < others; i++)
        {
            output.Write(input.ReadString());
            input.ReadString();
            input.ReadString();
        }

        CopyEpisode(input, output);
        CopyEpisode(input, output);
    });

    /// <summary>Reads a version 12 snapshot and writes <paramref name="version"/>'s first byte, then what <paramref name="body"/> copies.</summary>
    private static byte[] Rewrite(byte[] current, byte version, Action<BinaryReader, BinaryWriter> body)
    {
        using var input = new BinaryReader(new MemoryStream(current), Encoding.UTF8);
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            if (input.ReadByte() != 12)
            {
                throw new ArgumentException("not a version 12 snapshot", nameof(current));
            }

            output.Write(version);
            body(input, output);
        }

        return buffer.ToArray();
    }

    private static void CopyRing(BinaryReader input, BinaryWriter output)
    {
        var present = input.ReadBoolean();
        output.Write(present);
        if (!present)
        {
            return;
        }

        var capacity = input.ReadInt32();
        output.Write(capacity);
        output.Write(input.ReadInt32()); // next
        for (var i = 0; i < capacity; i++)
        {
            output.Write(input.ReadInt64());
            output.Write(input.ReadDecimal());
            input.ReadString(); // event id, destination, transaction hash: version 4 on
            input.ReadString();
            input.ReadString();
        }
    }

    private static void CopyEpisode(BinaryReader input, BinaryWriter output)
    {
        var present = input.ReadBoolean();
        output.Write(present);
        if (present)
        {
            output.Write(input.ReadInt64());
            output.Write(input.ReadInt64());
            output.Write(input.ReadString());
        }
    }
}
