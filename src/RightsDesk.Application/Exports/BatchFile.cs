using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightsDesk.Application.Exports;

/// <summary>The batch files' names and bytes: <c>{"statements":[...]}</c>, the body the database's batch call takes.</summary>
public static partial class BatchFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static bool IsBatchName(string name) => BatchName().IsMatch(name);

    /// <summary>The name of the <paramref name="number"/>th batch file, from 1.</summary>
    public static string Name(int number) => $"batch-{number:D5}.json";

    public static byte[] Serialize(IEnumerable<JsonObject> statements)
    {
        var body = new JsonObject { ["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)s.DeepClone())]) };
        return JsonSerializer.SerializeToUtf8Bytes(body, Indented);
    }

    /// <summary>The statements of a batch file, in order.</summary>
    public static IReadOnlyList<JsonObject> Read(string path)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
        return node?["statements"] is JsonArray list && list.All(s => s is JsonObject)
            ? [.. list.Select(s => (JsonObject)s!)]
            : throw new InvalidOperationException($"{Path.GetFileName(path)} is not a batch of statements.");
    }

    /// <summary>The batch files of a directory in the order they were written.</summary>
    public static IReadOnlyList<string> In(string directory) =>
        [.. Directory.EnumerateFiles(directory).Where(f => IsBatchName(Path.GetFileName(f))).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^batch-\d{5,}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchName();
}

/// <summary>The names of batch files 1 to <see cref="Count"/>, made when read: an export of ten million statements
/// names 100,000 files, which it need not hold.</summary>
public sealed class BatchNames(int count) : IReadOnlyList<string>
{
    public int Count => count;

    public string this[int index] => (uint)index < (uint)count ? BatchFile.Name(index + 1) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 1; i <= count; i++)
        {
            yield return BatchFile.Name(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
