using System.Text.Json;
using System.Text.RegularExpressions;

namespace RightsDesk.Core.Policy;

/// <summary>
/// The serializer's messages name .NET types and members; the operator who edits a policy file knows only the file.
/// This says which field, where, and what is wrong, in the file's own terms.
/// </summary>
public static partial class PolicyJsonErrors
{
    public static string Explain(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var where = Where(ex);
        var message = ex.Message;
        if (Unmapped().Match(message) is { Success: true } u)
        {
            return $"{where}'{u.Groups[1].Value}' is not a field this file has; check its spelling against the other files (field names are case-sensitive).";
        }

        if (Missing().Match(message) is { Success: true } m)
        {
            return $"{where}a required field is missing: {m.Groups[1].Value.Trim().TrimEnd('.')}.";
        }

        if (Convert().Match(message) is { Success: true } c)
        {
            return $"{where}the value has the wrong kind: {Kind(c.Groups[1].Value)} is expected here.";
        }

        // Anything else is the reader's: the file is not well-formed JSON at that place.
        return $"{where}this is not well-formed JSON (a missing comma, quote or bracket is the usual cause).";
    }

    private static string Where(JsonException ex)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : null;
        var line = ex.LineNumber is { } l ? $"line {l + 1}" : null;
        var parts = new[] { path is { Length: > 0 } ? "at " + path : null, line }.Where(x => x is not null);
        var joined = string.Join(", ", parts);
        return joined.Length == 0 ? "" : joined + ": ";
    }

    private static string Kind(string type)
    {
        var name = type.Split('.', '+').Last().TrimEnd('\'', ']');
        return name switch
        {
            _ when type.Contains("Nullable", StringComparison.Ordinal) => "a value or null",
            "String" => "text in quotes",
            "Int32" or "Int64" => "a whole number",
            "Double" or "Decimal" or "Single" => "a number",
            "Boolean" => "true or false",
            "DateOnly" => "a date written YYYY-MM-DD",
            "DateTimeOffset" => "a date and time written YYYY-MM-DDTHH:MM:SSZ",
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) || type.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list in square brackets",
            _ => "one of the words this field allows (see the other files or policy/SOURCES.md)",
        };
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex Unmapped();

    [GeneratedRegex("missing required properties[^:]*:(.*?)(?:Path:|$)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("could not be converted to ([^ .]+(?:\\.[^ .]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Convert();
}
