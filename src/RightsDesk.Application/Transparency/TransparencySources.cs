using System.Text;
using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>What a source read for a period: its tables, and the de-identified records they were computed from
/// (canonical JSON, one a case or a notice), which the report's records root commits to.</summary>
public sealed record SourceReading(ReportSection Section, IReadOnlyList<string> Records);

/// <summary>
/// One feature's contribution to a transparency report. Demands and user notices are sources now; moderation
/// decisions and defenders' incidents plug in the same way: register an implementation and the report, its files, the
/// page and `report verify` carry its tables.
/// </summary>
public interface ITransparencySource
{
    string Name { get; }

    Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct);

    /// <summary>This source's tables from records a report kept (every source's; each takes its own), which is how
    /// `report verify` recomputes a published version from exactly the set its records root commits to.</summary>
    ReportSection Compute(ReportPeriod period, IEnumerable<string> records);

    /// <summary>The same reading recomputed from the cases themselves, never from a rollup or any other kept
    /// summary: what `report verify` compares the kept records with. A source that reads its cases directly has
    /// nothing else to do.</summary>
    Task<SourceReading> RecountAsync(ReportPeriod period, CancellationToken ct) => ReadAsync(period, ct);
}

public static class ReportRecords
{
    /// <summary>The canonical JSON of a de-identified record: camelCase names in declaration order, no whitespace.</summary>
    public static string Canonical<T>(string source, T record) => CanonicalOf(source, JsonSerializer.Serialize(record, JsonNames.Options));

    /// <summary>The same from a record already serialised as <see cref="Canonical{T}"/> serialises it (a rollup's row).</summary>
    public static string CanonicalOf(string source, string recordJson) => PrefixOf(source) + recordJson + "}";

    /// <summary>How every canonical record of <paramref name="source"/> begins: a source's records are told apart
    /// from the others' without parsing them.</summary>
    public static string PrefixOf(string source) =>
        Prefixes.GetOrAdd(source, static s => "{\"source\":" + JsonSerializer.Serialize(s) + ",\"record\":");

    /// <summary>A few sources, each asked once a record: the name is serialised once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Prefixes = new(StringComparer.Ordinal);

    /// <summary>The records of one source, read back from their canonical JSON.</summary>
    public static IReadOnlyList<T> Of<T>(string source, IEnumerable<string> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var found = new List<T>();
        foreach (var line in records)
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("source").GetString() == source)
            {
                found.Add(doc.RootElement.GetProperty("record").Deserialize<T>(JsonNames.Options)
                    ?? throw new FormatException($"a {source} record is null"));
            }
        }

        return found;
    }

    /// <summary>The case hash a record names (every source's records carry one).</summary>
    public static string CaseHash(string record)
    {
        using var doc = JsonDocument.Parse(record);
        return doc.RootElement.GetProperty("record").GetProperty("caseHash").GetString() ?? "";
    }

    /// <summary>The RFC 6962 Merkle tree hash over the records in order (sorted, so the root does not depend on the
    /// order the database returned them in), hex.</summary>
    public static string Root(IEnumerable<string> records) => RootOfOrdered(records.Order(StringComparer.Ordinal));

    /// <summary>The same over records already in ordinal order (the caller sorted them once for the stored text too).</summary>
    public static string RootOfOrdered(IEnumerable<string> ordered)
    {
        var tree = new MerkleTree();
        foreach (var r in ordered)
        {
            tree.AppendEntry(Encoding.UTF8.GetBytes(r));
        }

        return Convert.ToHexStringLower(tree.RootHash());
    }
}
