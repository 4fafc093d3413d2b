using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App.Summaries;

public static class SummaryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDailySummaryJob"/>; transient because it holds the Teams typed HttpClient. Needs storage and Teams.</summary>
    public static IServiceCollection AddDailySummaries(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<IDailySummaryJob, DailySummaryJob>();
        return services;
    }
}
