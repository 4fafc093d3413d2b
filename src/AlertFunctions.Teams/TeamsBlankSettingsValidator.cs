using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams;

/// <summary>
/// Refuses a number or duration in the "Teams" section that is present but empty (an app setting such as
/// <c>Teams__MaxAttempts=</c> left blank). The generated binder keeps the default for such a value where the reflection
/// binder used to stop the start; a blank setting is more likely a mistake than a wish for the default, so it still stops
/// the start, now with a message naming it.
/// </summary>
internal sealed class TeamsBlankSettingsValidator(IConfiguration section) : IValidateOptions<TeamsOptions>
{
    // The string settings are judged by TeamsOptionsValidator, which sees a blank value as it is.
    private static readonly string[] NumbersAndDurations =
    [
        nameof(TeamsOptions.MaxRequestsPerSecond),
        nameof(TeamsOptions.AttemptTimeout),
        nameof(TeamsOptions.TotalTimeout),
        nameof(TeamsOptions.MaxAttempts),
        nameof(TeamsOptions.MaxRetryAfter),
        nameof(TeamsOptions.RetryBaseDelay),
    ];

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = NumbersAndDurations
            .Where(setting => section[setting] is { Length: 0 })
            .Select(setting => $"{TeamsOptions.SectionName}:{setting} is set but empty; give it a value or remove it to use the default.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
