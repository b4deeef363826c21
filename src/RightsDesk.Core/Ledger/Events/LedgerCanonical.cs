using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// The one canonical serialisation of a ledger event, which its leaf hash covers: keys in a fixed order (seq, code,
/// at, actor, subject, fields), fields as a map of strings sorted by key, no insignificant whitespace, UTF-8, the time
/// in milliseconds. Changing a byte of it would make every stored event fail to re-derive.
/// </summary>
public static class LedgerCanonical
{
    public static string Serialise(long seq, int code, DateTimeOffset at, string actor, string? subject, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteNumber("code", code);
            w.WriteString("at", Time(at));
            w.WriteString("actor", actor);
            w.WriteString("subject", subject);
            w.WriteStartObject("fields");
            foreach (var (k, v) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Serialise(long seq, ILedgerEvent e, DateTimeOffset at, string actor, string? subject)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Serialise(seq, (int)e.Code, at, actor, subject, LedgerFields.Of(e));
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
