namespace AlertFunctions.Cli.Replay;

/// <summary>Where the replay's main pass takes its lines from: the input as it comes, or sorted by event time.</summary>
internal interface ILineSource
{
    /// <summary>Lines longer than this are handed over truncated (and refused).</summary>
    int MaxLineBytes { get; }

    /// <summary>How far through the input the lines handed over so far reach, in bytes (for progress).</summary>
    long BytesRead { get; }

    /// <summary>Hands every line over once, with its 1-based line number in the input; a span is valid only during its call.</summary>
    void ReadAll(JsonLinesReader.LineHandler onLine);
}
