namespace AlertFunctions.Cli.Tests.Native;

/// <summary>A fact about the natively published tool: skipped, with the reason shown, where no C toolchain can link it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        if (!NativeToolchain.IsAvailable)
        {
            Skip = NativeToolchain.MissingReason;
        }
    }
}
