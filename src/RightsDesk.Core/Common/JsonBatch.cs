using System.Text.Json;

namespace RightsDesk.Core;

/// <summary>One item of a batch as read: its value, or the errors that refused it (paths include the item's index).</summary>
public sealed record BatchItem<T>(int Index, T? Value, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool Accepted => Errors.Count == 0 && Value is not null;
}

/// <summary>
/// Reads a batch such as <c>{"decisions":[...]}</c> item by item: one bad item does not refuse the others, because a
/// platform sending a thousand moderation decisions needs to know which ones to fix, not just that one was wrong.
/// Only the batch's own shape (not an array, too many items) refuses it whole.
/// </summary>
public static class JsonBatch
{
    /// <param name="readItem">reads one item at the path given, recording its errors on the <see cref="JsonInput"/>
    /// given; returns null when it could not build a value.</param>
    /// <exception cref="ValidationFailedException">when the container is not an object with exactly the array
    /// <paramref name="name"/> of at most <paramref name="maxItems"/> items.</exception>
    public static IReadOnlyList<BatchItem<T>> Read<T>(JsonElement root, string name, int maxItems, Func<JsonInput, JsonElement, string, T?> readItem)
        where T : class
    {
        var batch = new JsonInput();
        if (root.ValueKind != JsonValueKind.Object)
        {
            batch.Error("$", $"Expected an object {{ \"{name}\": [...] }}.");
            batch.ThrowIfAny();
        }

        batch.RejectUnknown(root, "", name);
        if (!batch.OptionalArray(root, name, "Expected an array.", out var items) && !batch.HasErrorAt(name))
        {
            batch.Error(name, "Required; an array of at most " + maxItems + " items.");
        }
        else if (items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > maxItems)
        {
            batch.Error(name, $"At most {maxItems} items per batch; send the rest in another.");
        }
        else if (items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0)
        {
            batch.Error(name, "Empty; send at least one item.");
        }

        batch.ThrowIfAny();
        var results = new List<BatchItem<T>>(items.GetArrayLength());
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var input = new JsonInput();
            var path = StrictJson.Item(name, i);
            var value = readItem(input, item, path);
            if (value is null && !input.HasErrors)
            {
                input.Error(path, "Refused.");
            }

            results.Add(new BatchItem<T>(i++, input.HasErrors ? null : value, input.Errors));
        }

        return results;
    }
}
