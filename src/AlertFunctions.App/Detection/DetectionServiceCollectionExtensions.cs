using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertFunctions.App.Detection;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Detection</c> section, validates it at start-up (every named file exists and loads), and registers the
    /// <see cref="DetectionRules"/> and <see cref="Watchlist"/> singletons built from it.
    /// </summary>
    public static IServiceCollection AddDetection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DetectionOptions>()
            .Bind(configuration.GetSection(DetectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionOptions>, DetectionOptionsValidator>());

        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<DetectionOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.RulesFile) ? DetectionRules.Default : RulesFileLoader.LoadFile(options.RulesFile);
        });
        services.TryAddSingleton(static provider =>
            WatchlistCsvReader.Load(provider.GetRequiredService<IOptions<DetectionOptions>>().Value.WatchlistFiles ?? []));
        return services;
    }
}
