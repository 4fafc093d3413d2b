namespace AlertFunctions.Cli.Replay;

/// <summary>
/// A <c>--storage</c>, <c>--teams-webhook</c> or <c>--alert-link-base</c> value the replay cannot use, or a store it
/// could not reach. The message names the option or the endpoint's host, never the secret value.
/// </summary>
internal sealed class PipelineForwardingException(string message, Exception? inner = null) : Exception(message, inner);
