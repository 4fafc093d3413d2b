using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Storage.Configuration;

/// <summary>The Table and Queue service clients for one storage account, built from validated <see cref="AlertStorageOptions"/>.</summary>
public sealed class AlertStorageClients
{
    public AlertStorageClients(TableServiceClient tables, QueueServiceClient queues)
    {
        Tables = tables ?? throw new ArgumentNullException(nameof(tables));
        Queues = queues ?? throw new ArgumentNullException(nameof(queues));
    }

    public TableServiceClient Tables { get; }

    /// <summary>Sends Base64 message bodies, the encoding the Functions queue trigger expects by default.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>
    /// Builds the clients without dependency injection (the CLI uses this with <c>UseDevelopmentStorage=true</c>).
    /// Throws <see cref="OptionsValidationException"/> with the same messages as start-up validation.
    /// </summary>
    /// <param name="credential">Used with <see cref="AlertStorageOptions.AccountName"/>; defaults to <see cref="DefaultAzureCredential"/>.</param>
    public static AlertStorageClients Create(AlertStorageOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new AlertStorageOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AlertStorageOptions), result.Failures);
        }

        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new AlertStorageClients(
                new TableServiceClient(options.ConnectionString),
                new QueueServiceClient(options.ConnectionString, queueOptions));
        }

        credential ??= new DefaultAzureCredential();
        return new AlertStorageClients(
            new TableServiceClient(new Uri($"https://{options.AccountName}.table.core.windows.net"), credential),
            new QueueServiceClient(new Uri($"https://{options.AccountName}.queue.core.windows.net"), credential, queueOptions));
    }
}
