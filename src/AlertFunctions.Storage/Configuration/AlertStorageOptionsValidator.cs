using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Storage.Configuration;

/// <summary>Checks <see cref="AlertStorageOptions"/> at start-up, with messages that name the app setting to fix.</summary>
public sealed partial class AlertStorageOptionsValidator : IValidateOptions<AlertStorageOptions>
{
    public const int MaxTableNamePrefixLength = 40;

    public const string NeitherMessage =
        "AlertStorage: set AlertStorage__ConnectionString, or AlertStorage__AccountName for identity-based access; neither is set.";

    public const string BothMessage =
        "AlertStorage: set only one of AlertStorage__ConnectionString and AlertStorage__AccountName; both are set.";

    // Never the value itself: a connection string carries the account key.
    public const string UnusableConnectionStringMessage =
        "AlertStorage: AlertStorage__ConnectionString is not a usable storage connection string (an unresolved Key Vault reference, or a value cut short?).";

    // A connection string pasted here carries the account key: only a value that cannot be one is repeated.
    public static string InvalidAccountNameMessage(string accountName) =>
        accountName.Length <= 64 && !accountName.Contains('=') && !accountName.Contains(';')
            ? $"AlertStorage: AlertStorage__AccountName '{accountName}' is not a storage account name (3-24 lowercase letters and digits)."
            : "AlertStorage: AlertStorage__AccountName is not a storage account name (3-24 lowercase letters and digits); it looks like a connection string, which belongs in AlertStorage__ConnectionString.";

    public static string InvalidPrefixMessage(string prefix) =>
        $"AlertStorage: AlertStorage__TableNamePrefix '{prefix}' is invalid: use at most {MaxTableNamePrefixLength} letters and digits, starting with a letter.";

    public ValidateOptionsResult Validate(string? name, AlertStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAccountName = !string.IsNullOrWhiteSpace(options.AccountName);

        if (!hasConnectionString && !hasAccountName)
        {
            failures.Add(NeitherMessage);
        }
        else if (hasConnectionString && hasAccountName)
        {
            failures.Add(BothMessage);
        }
        else if (hasAccountName && !AccountNamePattern().IsMatch(options.AccountName!))
        {
            failures.Add(InvalidAccountNameMessage(options.AccountName!));
        }
        else if (hasConnectionString && !IsUsableConnectionString(options.ConnectionString!))
        {
            failures.Add(UnusableConnectionStringMessage);
        }

        var prefix = options.TableNamePrefix ?? "";
        if (prefix.Length > 0 && (prefix.Length > MaxTableNamePrefixLength || !PrefixPattern().IsMatch(prefix)))
        {
            failures.Add(InvalidPrefixMessage(prefix));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The clients parse the connection string (and decode the key) when built, without any I/O.
    private static bool IsUsableConnectionString(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            _ = new QueueServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
