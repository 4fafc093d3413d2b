using System.Text;
using AlertFunctions.Cli.Schema;

namespace AlertFunctions.Cli.Tests;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Schema_NoArguments_PrintsTheShippedFileByteForByte()
    {
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("schema");

        Assert.Equal(0, exitCode);
        Assert.Equal(ShippedSchema.ReadBytes(), Encoding.UTF8.GetBytes(cli.Output));
    }

    [Fact]
    public void EmbeddedSchema_Build_IsTheShippedFile()
    {
        Assert.Equal(ShippedSchema.ReadBytes(), EventSchemaResource.ReadBytes());
    }

    [Fact]
    public void ShippedSchema_File_IsAsciiWithUnixLineEndings()
    {
        // The command writes text; for ASCII the text is the bytes, so the in-process comparison above is byte-exact.
        var bytes = ShippedSchema.ReadBytes();

        Assert.All(bytes, b => Assert.True(b < 0x80, $"byte 0x{b:x2} is not ASCII"));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }
}
