namespace AlertFunctions.Teams.Cards;

/// <summary>A subject (wallet, account, destination) that drew alerts on the day, with the rule and the amount involved.</summary>
public sealed record DailySummarySubject(string Subject, string Rule, decimal AmountUsd);
