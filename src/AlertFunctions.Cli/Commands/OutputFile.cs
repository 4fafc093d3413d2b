namespace AlertFunctions.Cli.Commands;

/// <summary>
/// A file a command will write, created before it does any lengthy work, so a path that cannot be written fails at once
/// instead of after a replay of a large file or the generation of a large sample. Where the file can be rewound, one byte
/// is written and flushed first: a full disk (or <c>/dev/full</c>) refuses it now rather than at the end. That byte is
/// overwritten by the output, or cut off on <see cref="Dispose"/> when the output is shorter.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly FileStream _stream;

    private OutputFile(FileStream stream)
    {
        _stream = stream;
    }

    public Stream Stream => _stream;

    public string FullName => _stream.Name;

    /// <summary>Creates (or empties) the file and checks that it takes a byte.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">The option or argument that named it, for the error message.</param>
    /// <exception cref="IOException">The file cannot be created or written; the message names <paramref name="what"/> and the reason.</exception>
    public static OutputFile Create(string path, string what)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            if (stream.CanSeek)
            {
                stream.WriteByte((byte)'\n');
                stream.Flush();
                stream.Position = 0;
            }

            return new OutputFile(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CloseAfterFailure(stream);
            throw new IOException(FileErrorMessage.ForWriting(path, what, ex), ex);
        }
    }

    // Closing flushes the check byte the file just refused, which throws the same error again: the first one is reported.
    private static void CloseAfterFailure(FileStream? stream)
    {
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Cuts off what is left of the check byte, then closes the file.</summary>
    public void Dispose()
    {
        try
        {
            // A device such as /dev/null reports no length, and cannot be truncated: only a file longer than what was written is.
            if (_stream.CanSeek && _stream.Length > _stream.Position)
            {
                _stream.SetLength(_stream.Position);
            }
        }
        finally
        {
            _stream.Dispose();
        }
    }
}
