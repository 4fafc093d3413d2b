using AlertFunctions.Teams.Cards;
using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AlertFunctions.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers Teams delivery: <see cref="TeamsOptions"/> bound from the "Teams" section of <paramref name="configuration"/>
    /// and validated at start-up, the throttle, the resilience pipeline, the typed <see cref="TeamsWebhookClient"/>,
    /// the card builders and <see cref="ITeamsNotifier"/>.
    /// </summary>
    public static IServiceCollection AddTeamsNotifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(TeamsOptions.SectionName);
        services.AddOptions<TeamsOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>>(new TeamsBlankSettingsValidator(section)));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsRequestThrottle>();
        services.AddResiliencePipeline<string, HttpResponseMessage>(TeamsResiliencePipeline.Key, static (builder, context) =>
        {
            var provider = context.ServiceProvider;
            TeamsResiliencePipeline.Configure(
                builder,
                provider.GetRequiredService<IOptions<TeamsOptions>>().Value,
                provider.GetRequiredService<TeamsRequestThrottle>().Limiter,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<TeamsWebhookClient>());
        });

        // The pipeline owns timeouts, and the default HttpClient logging would write the request URI (the secret) to the logs.
        // A webhook has no business redirecting a POST elsewhere, so redirects are not followed.
        services.AddHttpClient<TeamsWebhookClient>(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();

        services.TryAddSingleton<AlertCard>();
        services.TryAddSingleton<DailySummaryCard>();
        services.TryAddTransient<ITeamsNotifier, TeamsAlertNotifier>();
        return services;
    }
}
