namespace AlertFunctions.Storage.Summaries;

/// <summary>One of a day's largest findings, as listed in the daily summary.</summary>
public sealed record SummarySubject(string Subject, string SubjectType, string Rule, decimal AmountUsd, string AlertId);
