using System.Reflection;
using AlertFunctions.App.Detection;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Teams;
using Microsoft.Azure.Functions.Worker;

namespace AlertFunctions.Infra.Tests;

/// <summary>
/// What the Functions app reads from its app settings, taken from the app itself: the <c>%Name%</c> settings and the
/// connection names its triggers declare (reflected from the function methods' binding attributes) and the options
/// classes it binds per configuration section.
/// </summary>
public static class AppSettingsContract
{
    private static readonly Assembly App = typeof(AlertFunctions.App.Ingestion.IngestFunction).Assembly;

    public static IReadOnlyDictionary<string, Type> OptionsBySection { get; } = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [AlertStorageOptions.SectionName] = typeof(AlertStorageOptions),
        [TeamsOptions.SectionName] = typeof(TeamsOptions),
        [DetectionOptions.SectionName] = typeof(DetectionOptions),
    };

    /// <summary>Every <c>%Name%</c> a trigger resolves from app settings.</summary>
    public static IReadOnlySet<string> BindingExpressionSettings() =>
        TriggerStringValues().SelectMany(ExpressionNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every connection name a trigger declares.</summary>
    public static IReadOnlySet<string> TriggerConnections() =>
        TriggerAttributes()
            .Select(a => a.GetType().GetProperty("Connection")?.GetValue(a) as string)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Attribute> TriggerAttributes() =>
        App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributes())
            .Where(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));

    private static IEnumerable<string> TriggerStringValues() =>
        TriggerAttributes().SelectMany(a => a.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.GetValue(a) as string)).OfType<string>();

    private static IEnumerable<string> ExpressionNames(string value)
    {
        var parts = value.Split('%');
        for (var i = 1; i < parts.Length - 1; i += 2)
        {
            yield return parts[i];
        }
    }
}
