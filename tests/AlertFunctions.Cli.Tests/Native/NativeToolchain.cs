namespace AlertFunctions.Cli.Tests.Native;

/// <summary>
/// Whether this machine can link a native executable: the .NET native compiler drives clang, or gcc where clang is
/// missing. The quick start promises only the .NET SDK and Node.js, so without either the native tool's tests are
/// reported as skipped (never passed) with this reason.
/// </summary>
internal static class NativeToolchain
{
    public const string MissingReason =
        "publishing the tool natively needs a C toolchain (clang or gcc) on PATH; install one (e.g. apt-get install clang) to run these tests";

    public static bool IsAvailable { get; } = OnPath("clang") || OnPath("gcc");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
