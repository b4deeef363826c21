using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RightsDesk.Core;

namespace RightsDesk.Web.Forms;

/// <summary>
/// A form as posted: fields named by JSON path (<c>authority.name</c>, <c>targets[2].id</c>), turned into the same JSON
/// an API client would send so one reader judges both, and kept as typed so the page can show every value again
/// beside the errors the reader reported by the same paths. A page builds one from the request and renders from it;
/// without a post it renders its defaults.
/// </summary>
public sealed partial class PostedForm
{
    private readonly Dictionary<string, StringValues> _values;
    private readonly List<FieldError> _errors = [];
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    private PostedForm(Dictionary<string, StringValues> values, FormShape shape)
    {
        _values = values;
        Shape = shape;
    }

    public FormShape Shape { get; }

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The fields of <paramref name="form"/> that are JSON paths; the antiforgery token and the rest are not.</summary>
    public static PostedForm From(IEnumerable<KeyValuePair<string, StringValues>> form, FormShape shape) =>
        new(form.Where(f => f.Key.Length <= 100 && FieldName().IsMatch(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), shape);

    /// <summary>The form as first shown, before any post: <paramref name="defaults"/> are rendered like posted values.</summary>
    public static PostedForm Blank(FormShape shape, IReadOnlyDictionary<string, string>? defaults = null) =>
        new((defaults ?? new Dictionary<string, string>()).ToDictionary(d => d.Key, d => new StringValues(d.Value), StringComparer.Ordinal), shape);

    /// <summary>The last value posted for <paramref name="path"/>, as typed.</summary>
    public string? Value(string path) => _values.TryGetValue(path, out var v) ? v.LastOrDefault() : null;

    public bool Posted(string path) => _values.ContainsKey(path);

    /// <summary>Whether <paramref name="value"/> was among the values posted for a checkbox list or a select.</summary>
    public bool Has(string path, string value) => _values.TryGetValue(path, out var v) && v.Contains(value);

    /// <summary>Whether a checkbox for a boolean was ticked.</summary>
    public bool Ticked(string path) => _values.TryGetValue(path, out var v) && v.Any(x => x is "true" or "on");

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void Add(FieldError error) => _errors.Add(error);

    public void Add(ValidationFailedException refused) => _errors.AddRange(refused.Errors);

    public void Add(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <summary>
    /// The messages for <paramref name="path"/>, and for a list's items too: they have no field of their own. Asking
    /// marks them as shown beside a field, so <see cref="Unplaced"/> can list the rest where the form ends.
    /// </summary>
    public IReadOnlyList<string> For(string path)
    {
        _shown.Add(path);
        return _errors.Where(e => Belongs(e, path)).Select(e => e.Message).ToList();
    }

    /// <summary>Errors no field has shown (the whole target list, the root object): asked for after the fields.</summary>
    public IReadOnlyList<FieldError> Unplaced() => _errors.Where(e => !_shown.Any(p => Belongs(e, p))).ToList();

    private bool Belongs(FieldError e, string path) =>
        e.Field == path || (Shape.Lists.Contains(path) && e.Field.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>The id of a field's message: paths become ids by replacing the characters ids should not carry.</summary>
    public static string ErrorId(string path) => "err-" + path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>The id of a field's input, which error summaries link to and labels name.</summary>
    public static string FieldId(string path) => "f-" + ErrorId(path)[4..];

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(ToJsonObject());

    /// <summary>The JSON as an object, for a page that adds what does not come from the form (the verified profile).</summary>
    public JsonObject ToJsonObject()
    {
        var root = new JsonObject();
        foreach (var (name, values) in _values.Where(v => !DroppedRow(v.Key)))
        {
            if (Shape.Lists.Contains(name))
            {
                var items = values.SelectMany(v => (v ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
                if (items.Count > 0)
                {
                    Set(root, name, new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()));
                }
            }
            else if (Shape.Booleans.Contains(name))
            {
                Set(root, name, JsonValue.Create(values.Any(v => v is "true" or "on")));
            }
            else if (values.LastOrDefault()?.Trim() is { Length: > 0 } value)
            {
                Set(root, name, JsonValue.Create(Shape.UtcTimes.Contains(name) ? AsUtc(value) : value));
            }
        }

        foreach (var unticked in Shape.Booleans.Where(b => !_values.ContainsKey(b)).Order(StringComparer.Ordinal))
        {
            Set(root, unticked, JsonValue.Create(false));
        }

        return root;
    }

    /// <summary>A field of a row past the last row that has its key field filled: the form offered it, nobody used it.</summary>
    private bool DroppedRow(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0 || !Shape.Rows.TryGetValue(name[..bracket], out var key))
        {
            return false;
        }

        var list = name[..bracket];
        var index = RowIndex(name, bracket);
        var lastUsed = _values.Where(v => v.Key.StartsWith(list + "[", StringComparison.Ordinal)
                && v.Key.EndsWith("]." + key, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(v.Value.LastOrDefault()))
            .Select(v => RowIndex(v.Key, list.Length)).DefaultIfEmpty(-1).Max();
        return index > lastUsed;
    }

    private static int RowIndex(string name, int bracket) =>
        int.Parse(name[(bracket + 1)..name.IndexOf(']', bracket)], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A datetime-local input has no offset; the form says UTC, so it is UTC.</summary>
    private static string AsUtc(string value) =>
        DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)
            : value;

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var parts = Segment().Matches(path).Select(m => m.Value).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var part = parts[i];
            if (part.StartsWith('['))
            {
                var index = int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                var array = (JsonArray)node;
                while (array.Count <= index)
                {
                    // Rows left empty in the middle stay objects, so the reader names them instead of shifting indexes.
                    array.Add(new JsonObject());
                }

                node = last ? array[index] = value! : array[index]!;
                continue;
            }

            var o = (JsonObject)node;
            var nextIsIndex = !last && parts[i + 1].StartsWith('[');
            if (last)
            {
                o[part] = value;
            }
            else
            {
                node = o[part] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
        }
    }

    [GeneratedRegex(@"^[a-z][A-Za-z]*(\[\d{1,4}\])?(\.[a-z][A-Za-z]*(\[\d{1,4}\])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    [GeneratedRegex(@"[A-Za-z]+|\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
