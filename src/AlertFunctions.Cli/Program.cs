using AlertFunctions.Cli;
using AlertFunctions.Cli.Send;
using Spectre.Console;

// The command-line tool: each command is defined next to the code it runs; CliRoot registers them.
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Redirected output (CI logs, files) has no terminal width; Spectre would wrap tables and summaries at 80 columns.
    console.Profile.Width = 200;
}

var environment = new CliEnvironment(console, TimeProvider.System, Console.OpenStandardInput, new EventHubProducerFactory());
return await CliRoot.InvokeAsync(CliRoot.Create(environment), args);
