namespace AlertFunctions.Detection.Watchlists;

/// <summary>One watchlist row: <c>address,chain,category,label,source</c>. <see cref="Origin"/> says which file it came from.</summary>
public sealed record WatchlistEntry(string Address, string Chain, string Category, string Label, string Source, string Origin);
