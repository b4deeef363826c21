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
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8, int maxBytes, string tooLarge, int maxDepth = DefaultMaxDepth) =>
        // The document keeps the bytes it reads; a span may be a buffer the caller reuses, so it gets its own copy.
        Parse(utf8.Length > maxBytes ? ReadOnlyMemory<byte>.Empty : utf8.ToArray(), utf8.Length > maxBytes, maxBytes, tooLarge, maxDepth);

    /// <summary>Parses <paramref name="utf8"/> without copying it: the caller owns bytes that outlive the document
    /// and do not change while it is read (a request body read whole). A megabyte batch is not copied twice.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, int maxBytes, string tooLarge, int maxDepth = DefaultMaxDepth) =>
        Parse(utf8, utf8.Length > maxBytes, maxBytes, tooLarge, maxDepth);

    private static JsonDocument Parse(ReadOnlyMemory<byte> memory, bool oversized, int maxBytes, string tooLarge, int maxDepth)
    {
        var utf8 = memory.Span;
        if (oversized || utf8.Length > maxBytes)
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
            doc = JsonDocument.Parse(memory, new JsonDocumentOptions { MaxDepth = maxDepth });
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
    /// two values for one key can mean one thing to us and another to whoever signed, logged or forwarded it. One set
    /// of names per depth is reused, and a path is built only for a refusal or a container to descend into: a batch
    /// of a thousand items is read without a string per member.
    /// </summary>
    private static void FindDuplicates(JsonElement e, string path, List<FieldError> errors, List<HashSet<string>>? seenByDepth = null, int depth = 0)
    {
        seenByDepth ??= [];
        if (e.ValueKind == JsonValueKind.Object)
        {
            while (seenByDepth.Count <= depth)
            {
                seenByDepth.Add(new HashSet<string>(StringComparer.Ordinal));
            }

            // The members' own objects, read below, use the sets of deeper levels, so this one holds only these names.
            var seen = seenByDepth[depth];
            seen.Clear();
            foreach (var p in e.EnumerateObject())
            {
                var name = p.Name;
                if (!seen.Add(name))
                {
                    errors.Add(new FieldError(Member(path, name), "Duplicate key; each field may appear once, so that no reader can take a different copy than this one."));
                    continue;
                }

                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    FindDuplicates(p.Value, Member(path, name), errors, seenByDepth, depth + 1);
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    FindDuplicates(item, Item(path, i), errors, seenByDepth, depth + 1);
                }

                i++;
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
