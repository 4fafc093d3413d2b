using System.CommandLine;
using AlertFunctions.Cli.Commands;
using Spectre.Console;

// The command-line tool: each command is defined next to the code it runs.
var console = AnsiConsole.Console;
var clock = TimeProvider.System;
var root = new RootCommand("Early-warning detection for crypto withdrawals: replay, generate sample traffic.")
{
    ReplayCommand.Create(console, clock),
    GenerateSampleCommand.Create(console),
};
return root.Parse(args).Invoke();
