using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightsDesk.Application.Exports;

/// <summary>The batch files' names and bytes: <c>{"statements":[...]}</c>, the body the database's batch call takes.</summary>
public static partial class BatchFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static bool IsBatchName(string name) => BatchName().IsMatch(name);

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
