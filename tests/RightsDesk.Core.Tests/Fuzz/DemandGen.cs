using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace RightsDesk.Tests.Fuzz;

/// <summary>
/// Generators of demand-shaped input, valid and not: the worked examples mutated field by field, random JSON, broken
/// bytes, deep nesting, huge strings, wrong types and hostile text. Shared by the parser fuzz (Core) and the HTTP fuzz
/// (Integration), which pass in the worked examples' JSON.
/// </summary>
public static class DemandGen
{
    private static readonly string[] HostileText =
    [
        "", " ", "\t\n", "null", "userData", "US", "us", "XX", "*", "2026-03-01T09:30:00Z", "2026-03-01", "2026-02-30",
        "1899-01-01", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00Z", "\u0000", "\u0007", "\u001b[31m", "\u202e", "\ufeff",
        "😀", "\ud800", "\udc00", "\udc00\ud800", "a\ud83d", "'; DROP TABLE demands; --", "<script>alert(1)</script>",
        "../../etc/passwd", "%00", "@", "a@b", "a@b.c", "x@y.example.org", "{{name}}", "${jndi:ldap://x}", "Ω≈ç√", "العربية",
    ];

    /// <summary>A string: hostile constants, arbitrary UTF-16 (lone surrogates included), or long runs.</summary>
    public static Gen<string> Text => Gen.Frequency(
        (4, Gen.Elements(HostileText)),
        (3, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(cs => new string(cs))),
        (2, Gen.ArrayOf(Gen.Choose(0xD7F0, 0xE010).Select(c => (char)c)).Select(cs => new string(cs))),
        (1, Gen.Elements(299, 300, 301, 1000, 20_000, 20_001, 70_000).Select(n => new string('x', n))));

    /// <summary>
    /// String literals as JSON text that no .NET string can produce through a serializer (which replaces lone
    /// surrogates): escaped lone surrogates, and escapes of control characters.
    /// </summary>
    private static readonly string[] RawEscapes =
    [
        "\"\\ud800\"", "\"\\udc00\"", "\"a\\ud83d\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u001f\"",
        "\"US\\ud800\"", "\"user\\u0044ata\"",
    ];

    /// <summary>Raw JSON text of any value; numbers include ones no .NET type holds.</summary>
    public static Gen<string> JsonText(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Elements("null", "true", "false", "0", "-0", "-1", "1.5", "1e400", "-1e-400", "123456789012345678901234567890", "9007199254740993"),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Text.Select(s => JsonSerializer.Serialize(s)),
            Gen.Elements(RawEscapes));
        if (depth <= 0)
        {
            return scalar;
        }

        var array = Gen.ListOf(JsonText(depth - 1)).Select(items => "[" + string.Join(",", items.Take(6)) + "]");
        var key = Gen.OneOf(Gen.Elements(FieldNames).Select(k => JsonSerializer.Serialize(k)), Text.Select(k => JsonSerializer.Serialize(k)), Gen.Elements(RawEscapes));
        var obj = Gen.ListOf(Gen.Zip(key, JsonText(depth - 1)))
            .Select(ps => "{" + string.Join(",", ps.Take(6).Select(p => p.Item1 + ":" + p.Item2)) + "}");
        return Gen.Frequency((5, scalar), (2, array), (2, obj));
    }

    private static readonly string[] FieldNames =
    [
        "kind", "emergency", "receivedAt", "channel", "authority", "legalProcess", "legalBasis", "offence", "statementOfReasons",
        "emergencyJustification", "redress", "targets", "dataCategories", "dateRange", "restriction", "nonDisclosure", "deadline",
        "document", "name", "country", "type", "officer", "email", "verified", "phone", "reference", "id", "from", "to", "action",
        "territories", "required", "until", "basis", "written", "signed", "officialLetterhead", "__proto__", "$ref",
    ];

    /// <summary>One edit of a JSON tree, chosen by numbers so it shrinks and replays.</summary>
    public sealed record Mutation(int Pick, int Kind, string Value, string Name, int Count);

    private static Gen<Mutation> MutationGen => Gen.Choose(0, 10_000).SelectMany(pick =>
        Gen.Choose(0, 7).SelectMany(kind =>
            JsonText(2).SelectMany(value =>
                Gen.OneOf(Gen.Elements(FieldNames), Text).SelectMany(name =>
                    Gen.Elements(2, 17, 40, 1001).Select(count => new Mutation(pick, kind, value, name, count))))));

    /// <summary>A worked example with one to four edits: replaced, removed, added, renamed, wrapped or repeated values.</summary>
    public static Gen<FuzzCase> MutatedExample(IReadOnlyList<string> examples) =>
        Gen.Elements(examples.ToArray()).SelectMany(example =>
            Gen.ListOf(MutationGen).Select(ms => ms.Take(4).ToList()).Select(ms =>
            {
                var root = JsonNode.Parse(example)!;
                for (var i = 0; i < ms.Count; i++)
                {
                    root = Apply(root, ms[i], Placeholder(i));
                }

                // Values go in as placeholders and are spliced in as raw text afterwards: a JSON tree cannot write
                // some of what the generator makes (escaped lone surrogates), and that is exactly what must reach the reader.
                var text = root.ToJsonString();
                for (var i = 0; i < ms.Count; i++)
                {
                    text = text.Replace(JsonSerializer.Serialize(Placeholder(i)), ms[i].Value, StringComparison.Ordinal);
                }

                return new FuzzCase("mutated example: " + string.Join("; ", ms.Select(m => $"{m.Kind}@{m.Pick}")), Encoding.UTF8.GetBytes(text));
            }));

    public static Gen<FuzzCase> RandomJson => JsonText(4).Select(t => new FuzzCase("random JSON", Encoding.UTF8.GetBytes(t)));

    /// <summary>A worked example cut short, with bytes flipped or inserted (invalid UTF-8 included), or prefixed.</summary>
    public static Gen<FuzzCase> BrokenBytes(IReadOnlyList<string> examples) =>
        Gen.Elements(examples.ToArray()).SelectMany(example =>
            Gen.Choose(0, 4).SelectMany(kind =>
                Gen.Choose(0, 100_000).SelectMany(at =>
                    Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(garbage =>
                    {
                        var bytes = Encoding.UTF8.GetBytes(example);
                        var i = at % bytes.Length;
                        var result = kind switch
                        {
                            0 => bytes[..i],
                            1 => [.. bytes[..i], .. garbage, .. bytes[i..]],
                            2 => [.. bytes[..i], (byte)(bytes[i] ^ (garbage.Length == 0 ? 0x80 : garbage[0] | 1)), .. bytes[(i + 1)..]],
                            3 => [0xEF, 0xBB, 0xBF, .. bytes],
                            _ => garbage,
                        };
                        return new FuzzCase($"broken bytes (kind {kind} at {i})", result);
                    }))));

    /// <summary>Nesting far past any sane depth, at the top or inside a field.</summary>
    public static Gen<FuzzCase> DeepNesting(IReadOnlyList<string> examples) =>
        Gen.Choose(1, 3000).SelectMany(depth => Gen.Elements("[", "{\"a\":").SelectMany(open => Gen.Elements(examples.ToArray()).SelectMany(example => Gen.Choose(0, 1).Select(inside =>
        {
            var close = open == "[" ? "]" : "}";
            var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
            var text = inside == 0 ? nested : example.Replace("\"written\": true", "\"written\": " + nested, StringComparison.Ordinal);
            return new FuzzCase($"nesting depth {depth}", Encoding.UTF8.GetBytes(text));
        }))));

    /// <summary>Every kind of input above, weighted towards the realistic ones.</summary>
    public static Gen<FuzzCase> Any(IReadOnlyList<string> examples) => Gen.Frequency(
        (6, MutatedExample(examples)),
        (2, RandomJson),
        (3, BrokenBytes(examples)),
        (1, DeepNesting(examples)));

    private static string Placeholder(int i) => $"@@fuzz-value-{i}@@";

    /// <summary>A JSON document with one top-level field set to raw JSON text, which may be text no JSON tree can hold.</summary>
    public static string WithRawField(string example, string field, string rawValue)
    {
        var node = JsonNode.Parse(example)!.AsObject();
        node[field] = Placeholder(0);
        return node.ToJsonString().Replace(JsonSerializer.Serialize(Placeholder(0)), rawValue, StringComparison.Ordinal);
    }

    private static JsonNode Apply(JsonNode root, Mutation m, string placeholder)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[m.Pick % nodes.Count];
        JsonNode? value = JsonValue.Create(placeholder);
        var parent = node.Parent;
        switch (m.Kind)
        {
            case 0 when parent is JsonObject po:
                po[node.GetPropertyName()] = value;
                break;
            case 0 when parent is JsonArray pa:
                pa[node.GetElementIndex()] = value;
                break;
            case 1 when parent is JsonObject po:
                po.Remove(node.GetPropertyName());
                break;
            case 1 when parent is JsonArray pa:
                pa.RemoveAt(node.GetElementIndex());
                break;
            case 2 when node is JsonObject o:
                o[m.Name] = value;
                break;
            case 2 when node is JsonArray a:
                a.Add(value);
                break;
            case 3 when parent is JsonObject po:
                var name = node.GetPropertyName();
                po.Remove(name);
                po[m.Name] = node;
                break;
            case 4 when parent is not null:
                // The same field's value wrapped in an array or an object: right content, wrong type.
                var copy = node.DeepClone();
                Replace(node, m.Count % 2 == 0 ? new JsonArray(copy) : new JsonObject { ["value"] = copy });
                break;
            case 5 when node is JsonArray a && a.Count > 0:
                var first = a[0];
                for (var i = a.Count; i < m.Count; i++)
                {
                    a.Add(first?.DeepClone());
                }

                break;
            case 6 when node is JsonValue && parent is not null:
                Replace(node, JsonValue.Create(m.Name));
                break;
            default:
                if (root is JsonObject r)
                {
                    r[m.Name] = value;
                }

                break;
        }

        return root;
    }

    private static void Replace(JsonNode node, JsonNode? with)
    {
        switch (node.Parent)
        {
            case JsonObject po:
                po[node.GetPropertyName()] = with;
                break;
            case JsonArray pa:
                pa[node.GetElementIndex()] = with;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    Collect(child, into);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    Collect(child, into);
                }

                break;
        }
    }
}
