namespace AlertFunctions.Detection.Watchlists;

/// <summary>A watchlist file could not be read; the message names the file and line so the operator can fix it.</summary>
public sealed class WatchlistFormatException(string message) : Exception(message);
