using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertFunctions.App.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIngestBatchProcessor"/>. Singletons: the partition sessions must outlive each invocation, which is
    /// what keeps windows in memory between batches. Needs detection, storage and a <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PartitionSessions>();
        services.TryAddSingleton<PartitionSessionFactory>();
        services.TryAddSingleton<BatchDetector>();
        services.TryAddSingleton<BatchPersister>();
        services.TryAddSingleton<IngestBatchProcessor>();
        services.TryAddSingleton<IIngestBatchProcessor>(static provider => provider.GetRequiredService<IngestBatchProcessor>());
        return services;
    }
}
