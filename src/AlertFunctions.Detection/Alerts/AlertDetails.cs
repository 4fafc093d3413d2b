namespace AlertFunctions.Detection.Alerts;

/// <summary>
/// The numbers behind a rule's decision, so every alert explains itself.
/// <see cref="Measure"/> names what <see cref="Observed"/> is (for example "window outflow USD");
/// <see cref="Threshold"/> is the value it had to reach; <see cref="Baseline"/> is the learned normal it was compared with, when the rule learns one;
/// <see cref="Ratio"/> is observed / baseline (or observed / threshold when there is no baseline).
/// </summary>
public sealed record AlertDetails(string Measure, decimal Observed, decimal Threshold, decimal? Baseline, decimal? Ratio);
