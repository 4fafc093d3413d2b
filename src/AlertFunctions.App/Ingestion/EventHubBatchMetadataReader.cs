using System.Globalization;
using System.Text.Json;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Builds an <see cref="IngestBatch"/> from a batched Event Hubs trigger's bodies and its binding data
/// (<c>FunctionContext.BindingContext.BindingData</c>).
/// </summary>
/// <remarks>
/// The host's Event Hubs extension sends, for a batch: <c>PartitionContext</c> (an object, which reaches the worker as a JSON
/// string with a <c>PartitionId</c> property), <c>SequenceNumberArray</c> (long[], which the worker receives as a collection of
/// longs), <c>EnqueuedTimeUtcArray</c> (DateTime[], which reaches the worker as a JSON array of date strings without an offset,
/// written from UTC values), and further keys this app does not read (<c>OffsetArray</c>, <c>PartitionKeyArray</c>,
/// <c>PropertiesArray</c>, <c>SystemPropertiesArray</c>). Each value is also accepted in its other plausible shape (JSON text or
/// a typed collection), so a change of transport between host versions does not stop ingestion.
/// </remarks>
public static class EventHubBatchMetadataReader
{
    public const string PartitionContextKey = "PartitionContext";
    public const string SequenceNumbersKey = "SequenceNumberArray";
    public const string EnqueuedTimesKey = "EnqueuedTimeUtcArray";

    private const string PartitionIdProperty = "PartitionId";

    public static IngestBatch Read(IReadOnlyList<string> bodies, IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(bindingData);

        var partitionId = ReadPartitionId(bindingData);
        var sequenceNumbers = ReadSequenceNumbers(bindingData);
        var enqueuedTimes = ReadEnqueuedTimes(bindingData);
        RequireLength(SequenceNumbersKey, sequenceNumbers.Count, bodies.Count);
        RequireLength(EnqueuedTimesKey, enqueuedTimes.Count, bodies.Count);

        var messages = new IngestMessage[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            messages[i] = new IngestMessage(i, bodies[i], sequenceNumbers[i], enqueuedTimes[i]);
        }

        return new IngestBatch(partitionId, messages);
    }

    private static string ReadPartitionId(IReadOnlyDictionary<string, object?> bindingData)
    {
        var value = Require(bindingData, PartitionContextKey);
        var json = value switch
        {
            string text => text,
            ReadOnlyMemory<byte> utf8 => System.Text.Encoding.UTF8.GetString(utf8.Span),
            byte[] utf8 => System.Text.Encoding.UTF8.GetString(utf8),
            _ => throw UnexpectedType(PartitionContextKey, value, "a JSON object"),
        };

        using var document = ParseJson(PartitionContextKey, json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new EventHubBindingDataException(
                $"Event Hubs binding data '{PartitionContextKey}' is JSON {document.RootElement.ValueKind}, expected an object with {PartitionIdProperty}.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, PartitionIdProperty, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String
                && !string.IsNullOrEmpty(property.Value.GetString()))
            {
                return property.Value.GetString()!;
            }
        }

        throw new EventHubBindingDataException(
            $"Event Hubs binding data '{PartitionContextKey}' has no non-empty string property {PartitionIdProperty}.");
    }

    private static List<long> ReadSequenceNumbers(IReadOnlyDictionary<string, object?> bindingData)
    {
        var value = Require(bindingData, SequenceNumbersKey);
        switch (value)
        {
            case string json:
                using (var document = ParseJson(SequenceNumbersKey, json))
                {
                    var numbers = new List<long>();
                    var index = 0;
                    foreach (var element in RequireArray(SequenceNumbersKey, document))
                    {
                        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var number))
                        {
                            throw new EventHubBindingDataException(
                                $"Event Hubs binding data '{SequenceNumbersKey}' entry {index} ({element.GetRawText()}) is not a 64-bit integer.");
                        }

                        numbers.Add(number);
                        index++;
                    }

                    return numbers;
                }

            case IEnumerable<long> numbers:
                return [.. numbers];
            default:
                throw UnexpectedType(SequenceNumbersKey, value, "a collection of 64-bit integers");
        }
    }

    private static List<DateTimeOffset> ReadEnqueuedTimes(IReadOnlyDictionary<string, object?> bindingData)
    {
        var value = Require(bindingData, EnqueuedTimesKey);
        switch (value)
        {
            case string json:
                using (var document = ParseJson(EnqueuedTimesKey, json))
                {
                    var times = new List<DateTimeOffset>();
                    var index = 0;
                    foreach (var element in RequireArray(EnqueuedTimesKey, document))
                    {
                        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                        times.Add(ParseUtc(text, index));
                        index++;
                    }

                    return times;
                }

            case IEnumerable<string> texts:
                return [.. texts.Select(ParseUtc)];
            case IEnumerable<DateTimeOffset> offsets:
                return [.. offsets.Select(time => time.ToUniversalTime())];
            case IEnumerable<DateTime> dates:
                return [.. dates.Select(AsUtc)];
            default:
                throw UnexpectedType(EnqueuedTimesKey, value, "a collection of UTC dates");
        }
    }

    // The host writes EventData.EnqueuedTime.DateTime, whose Kind is Unspecified though its value is UTC, so text without an
    // offset is UTC; text with an offset is converted.
    private static DateTimeOffset ParseUtc(string? text, int index)
    {
        if (text is not null
            && DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            return time;
        }

        throw new EventHubBindingDataException(
            $"Event Hubs binding data '{EnqueuedTimesKey}' entry {index} ('{text}') is not a date and time.");
    }

    private static DateTimeOffset AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static object Require(IReadOnlyDictionary<string, object?> bindingData, string key)
    {
        if (bindingData.TryGetValue(key, out var value) && value is not null)
        {
            return value;
        }

        // The worker's dictionary ignores case; a caller's may not.
        foreach (var pair in bindingData)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase) && pair.Value is not null)
            {
                return pair.Value;
            }
        }

        var present = bindingData.Count == 0 ? "none" : string.Join(", ", bindingData.Keys.Order(StringComparer.Ordinal));
        throw new EventHubBindingDataException(
            $"Event Hubs binding data has no '{key}'; is the trigger batched (IsBatched = true)? Keys present: {present}.");
    }

    private static void RequireLength(string key, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new EventHubBindingDataException(
                $"Event Hubs binding data '{key}' has {actual} entries but the batch has {expected} events.");
        }
    }

    private static JsonDocument ParseJson(string key, string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EventHubBindingDataException($"Event Hubs binding data '{key}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static JsonElement.ArrayEnumerator RequireArray(string key, JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new EventHubBindingDataException(
                $"Event Hubs binding data '{key}' is JSON {document.RootElement.ValueKind}, expected an array.");
        }

        return document.RootElement.EnumerateArray();
    }

    private static EventHubBindingDataException UnexpectedType(string key, object value, string expected) =>
        new($"Event Hubs binding data '{key}' is a {value.GetType().FullName}, expected {expected}.");
}
