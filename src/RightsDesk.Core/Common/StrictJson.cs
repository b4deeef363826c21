using System.Text.Json;

namespace RightsDesk.Core;

/// <summary>
/// Parses a request body for a reader that refuses rather than guesses: a size limit checked before any parsing, text
/// that must be UTF-8 without escaped lone surrogates, a depth limit, and no duplicate keys. Every kind of input
/// (demands, moderation decisions, anything a page or a platform posts) goes through here first, so the rules are the
/// same for all of them and a refusal always names a path (<c>$</c> for the body as a whole).
/// </summary>
public static class StrictJson
{
    public const int DefaultMaxDepth = 16;

    /// <summary>Parses <paramref name="utf8"/>; the caller disposes the document.</summary>
    /// <param name="tooLarge">what to tell the sender when the body is over <paramref name="maxBytes"/>; the remedy
    /// depends on the kind of input.</param>
    /// <exception cref="ValidationFailedException">naming <c>$</c>, or every duplicated key by its path.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8, int maxBytes, string tooLarge, int maxDepth = DefaultMaxDepth)
    {
        if (utf8.Length > maxBytes)
        {
            throw Fail("$", tooLarge);
        }

        // The JSON parser checks structure, not text: invalid UTF-8 inside a string, or an escaped lone surrogate such
        // as "\ud800", parses but cannot be read as a string, and would surface as an unexpected exception.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw Fail("$", "The body is not valid UTF-8 text.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            throw Fail("$", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        if (FirstUnreadableString(utf8, maxDepth) is { } at)
        {
            doc.Dispose();
            throw Fail("$", $"The body has an escape that is not text (a lone UTF-16 surrogate such as \\ud800) in the string at byte {at + 1}.");
        }

        var duplicates = new List<FieldError>();
        FindDuplicates(doc.RootElement, "", duplicates);
        if (duplicates.Count > 0)
        {
            doc.Dispose();
            throw new ValidationFailedException(duplicates);
        }

        return doc;
    }

    /// <summary>The path of a member of the object at <paramref name="parent"/>; the root's members have bare names,
    /// as clients write them.</summary>
    public static string Member(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>
    /// Duplicate keys are refused for the whole body, not per item: parsers disagree on which copy wins, so a body with
    /// two values for one key can mean one thing to us and another to whoever signed, logged or forwarded it.
    /// </summary>
    private static void FindDuplicates(JsonElement e, string path, List<FieldError> errors)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
            {
                var at = Member(path, p.Name);
                if (!seen.Add(p.Name))
                {
                    errors.Add(new FieldError(at, "Duplicate key; each field may appear once, so that no reader can take a different copy than this one."));
                    continue;
                }

                FindDuplicates(p.Value, at, errors);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                FindDuplicates(item, Item(path, i++), errors);
            }
        }
    }

    /// <summary>The byte offset of the first string or property name with an escaped lone surrogate, if any.</summary>
    private static long? FirstUnreadableString(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The reader offers no non-throwing check for this; the position is what the caller needs.
                    return reader.TokenStartIndex;
                }
            }
        }

        return null;
    }

    private static ValidationFailedException Fail(string field, string message) => new([new FieldError(field, message)]);
}
