using System.Buffers.Binary;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// A sorted chunk written to a temporary file so that sorting a large file holds one chunk in memory, not the file. Each
/// record is the key (event ticks, line number), the line's real length (more than the text's when the reader cut it),
/// the text's length and the text. The file is deleted
/// when the run is disposed (on Unix its name is removed at once, so nothing is left even if the process is killed).
/// </summary>
internal sealed class SortRunFile : ISortedRun
{
    private const int HeaderBytes = 8 + 8 + 8 + 4;
    private readonly FileStream _file;
    private readonly byte[] _header = new byte[HeaderBytes];
    private byte[] _text = new byte[64 * 1024];
    private int _length;

    private SortRunFile(FileStream file)
    {
        _file = file;
    }

    public (long Ticks, long Line) Key { get; private set; }

    public long LineBytes { get; private set; }

    public ReadOnlySpan<byte> Text => _text.AsSpan(0, _length);

    /// <summary>Writes the sorted chunk's lines, in order, to a new temporary file in <paramref name="folder"/>.</summary>
    public static SortRunFile Write(SortChunk chunk, string folder)
    {
        var path = Path.Combine(folder, $"alertfunctions-sort-{Guid.NewGuid():N}.run");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1024 * 1024, FileOptions.DeleteOnClose);
        try
        {
            // On Unix the open handle keeps the data, so the name can go now: a replay stopped with Ctrl+C or killed never
            // disposes the stream, and DeleteOnClose alone would leave 64 MiB files behind. Windows deletes on the handle's close.
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            var header = new byte[HeaderBytes];
            while (chunk.MoveNext())
            {
                var (ticks, line) = chunk.Key;
                var text = chunk.Text;
                BinaryPrimitives.WriteInt64LittleEndian(header, ticks);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), line);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), chunk.LineBytes);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), text.Length);
                file.Write(header);
                file.Write(text);
            }

            file.Flush();
            file.Position = 0;
            return new SortRunFile(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public bool MoveNext()
    {
        var read = _file.ReadAtLeast(_header, HeaderBytes, throwOnEndOfStream: false);
        if (read == 0)
        {
            return false;
        }

        if (read < HeaderBytes)
        {
            throw new IOException($"the temporary sort file {_file.Name} ended inside a record");
        }

        Key = (BinaryPrimitives.ReadInt64LittleEndian(_header), BinaryPrimitives.ReadInt64LittleEndian(_header.AsSpan(8)));
        LineBytes = BinaryPrimitives.ReadInt64LittleEndian(_header.AsSpan(16));
        _length = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(24));
        if (_length > _text.Length)
        {
            _text = new byte[Math.Max(_length, _text.Length * 2)];
        }

        _file.ReadExactly(_text, 0, _length);
        return true;
    }

    public void Dispose() => _file.Dispose();
}
