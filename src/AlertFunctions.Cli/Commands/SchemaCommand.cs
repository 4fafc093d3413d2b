using System.CommandLine;
using AlertFunctions.Cli.Schema;
using Spectre.Console;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>schema</c>: prints the JSON Schema (draft 2020-12) of the withdrawal event contract v1, exactly as shipped in
/// <c>schemas/withdrawal-event.v1.schema.json</c>, so a producer can fetch it from the tool it already has.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the withdrawal event contract v1.");
        command.SetAction(_ =>
        {
            // Straight to the console's writer: Spectre would wrap long lines and read '[' as markup.
            var writer = console.Profile.Out.Writer;
            writer.Write(EventSchemaResource.ReadText());
            writer.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
