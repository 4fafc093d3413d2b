using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Cli.Replay;

/// <summary>What one replay runs with: rules and watchlist already loaded and validated.</summary>
internal sealed record ReplaySettings(DetectionRules Rules, Watchlist Watchlist);
