using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>
/// The production registration (<see cref="TeamsServiceCollectionExtensions.AddTeamsNotifier"/>) over in-memory configuration,
/// with short timeouts and back-off so failure paths finish in a second or two.
/// </summary>
internal static class TeamsTestServices
{
    public const string AlertLinkBaseUrl = "https://alerts.example.test/api";

    public static ServiceProvider Build(Uri webhookUrl, CapturingLoggerProvider? logs = null, IReadOnlyDictionary<string, string?>? overrides = null,
        TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:WebhookUrl"] = webhookUrl.OriginalString,
            ["Teams:AlertLinkBaseUrl"] = AlertLinkBaseUrl,
            ["Teams:AttemptTimeout"] = "00:00:05",
            ["Teams:TotalTimeout"] = "00:00:30",
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
            ["Teams:MaxRequestsPerSecond"] = "50",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTeamsNotifier(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
