namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// One thing that happened, as the ledger records it: a stable code and the non-personal facts a transparency
/// report or an auditor counts. Never a target's identifier, a person's name or address, or free text.
/// </summary>
public interface ILedgerEvent
{
    LedgerEventCode Code { get; }

    /// <summary>Writes the event's fields. A field an earlier release already wrote is always written (null
    /// included); a field added later is written only when known, so an event with only the old facts keeps the
    /// exact bytes the old code gave it.</summary>
    void Write(LedgerFields fields);
}

/// <summary>The fields of one event, as the canonical form stores them: a map of strings, sorted by key.</summary>
public sealed class LedgerFields
{
    private readonly SortedDictionary<string, string?> values = new(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string?> Of(ILedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var fields = new LedgerFields();
        e.Write(fields);
        return fields.values;
    }

    /// <summary>A field every shape of the event has carried: written even when null.</summary>
    public LedgerFields Add(string key, string? value)
    {
        values.Add(key, value);
        return this;
    }

    public LedgerFields Add(string key, Guid value) => Add(key, value.ToString());

    public LedgerFields Add(string key, long value) => Add(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public LedgerFields Add(string key, bool value) => Add(key, value ? "true" : "false");

    public LedgerFields Add<TEnum>(string key, TEnum value) where TEnum : struct, Enum => Add(key, JsonNames.Of(value));

    /// <summary>A field added after events without it were stored: written only when known.</summary>
    public LedgerFields AddIfKnown(string key, string? value) => value is null ? this : Add(key, value);

    public LedgerFields AddIfKnown(string key, Guid? value) => value is { } v ? Add(key, v) : this;

    public LedgerFields AddIfKnown(string key, bool? value) => value is { } v ? Add(key, v) : this;

    public LedgerFields AddIfKnown<TEnum>(string key, TEnum? value) where TEnum : struct, Enum => value is { } v ? Add(key, v) : this;

    public LedgerFields AddIfKnown(string key, DateOnly? value) => value is { } v ? Add(key, Day(v)) : this;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string List<T>(IEnumerable<T> items, Func<T, string> name) => string.Join(",", items.Select(name));
}
