using System.CommandLine;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// Options that send a replay's results down the same path the Functions app uses: the alert and dead-letter tables
/// (<c>--storage</c>) and the Teams card and webhook client (<c>--teams-webhook</c>), so a newcomer can watch the whole
/// pipeline locally against Azurite and a test webhook.
/// </summary>
internal sealed class PipelineOptions
{
    public Option<string?> Storage { get; } = new("--storage")
    {
        Description = "Also write alerts and rejected lines to Table Storage, e.g. \"UseDevelopmentStorage=true\" for Azurite. Never printed.",
    };

    public Option<string?> TeamsWebhook { get; } = new("--teams-webhook")
    {
        Description = "Also post each alert's Adaptive Card to this Teams Workflows webhook (https, or http on loopback). Never printed.",
    };

    public Option<string> AlertLinkBase { get; } = new("--alert-link-base")
    {
        Description = "Base URL the cards' Open and Acknowledge links use (the Alerts API's responder routes).",
        DefaultValueFactory = _ => "http://localhost:7071/api/respond",
    };

    /// <summary>The forwarder these options describe, its values checked (see <see cref="PipelineForwarder.Create"/>).</summary>
    /// <exception cref="PipelineForwardingException">A value cannot be used; the message names the option.</exception>
    public PipelineForwarder CreateForwarder(ParseResult parse, TimeProvider clock) =>
        PipelineForwarder.Create(parse.GetValue(Storage), parse.GetValue(TeamsWebhook), parse.GetValue(AlertLinkBase)!, clock);

    public void AddTo(Command command)
    {
        command.Options.Add(Storage);
        command.Options.Add(TeamsWebhook);
        command.Options.Add(AlertLinkBase);
    }
}
