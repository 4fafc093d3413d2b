namespace AlertFunctions.Infra.Tests;

/// <summary>App-setting names a template sets on the function app: those applied on every hosting plan, and those only Elastic Premium adds.</summary>
public sealed record FunctionAppSettingNames(IReadOnlySet<string> OnEveryPlan, IReadOnlySet<string> ElasticPremiumOnly);
