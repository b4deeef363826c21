using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;

namespace RightsDesk.Application.Impact;

/// <param name="ByCountry">Whether the metric can be read for one country.</param>
public sealed record MetricDefinition(string Id, string Name, string Unit, bool ByCountry);

/// <summary>One ledger event as a metric reads it: its code and its fields.</summary>
public sealed record LedgerFact(int Code, IReadOnlyDictionary<string, string?> Fields)
{
    public string? this[string key] => Fields.TryGetValue(key, out var v) ? v : null;
}

/// <summary>
/// A figure the system computes from the ledger. Computing from the ledger's events, and only those below a tree
/// size, is what makes a reading reproducible: the events below a size never change, so the same size gives the
/// same value however much the ledger has grown since. Other features (the transparency report) add metrics by
/// registering more of these.
/// </summary>
public interface IMetric
{
    MetricDefinition Definition { get; }

    /// <summary>The ledger codes the metric reads; only those events are loaded.</summary>
    IReadOnlyCollection<LedgerEventCode> Codes { get; }

    decimal Compute(IEnumerable<LedgerFact> facts, string? country);
}

/// <summary>The registry benchmarks bind to: only a registered metric can be a benchmark's measure.</summary>
public interface IMetricRegistry
{
    IReadOnlyList<MetricDefinition> All { get; }

    MetricDefinition? Find(string id);

    /// <summary>The ledger's size now: the events a reading taken now would see.</summary>
    Task<long> TreeSizeAsync(CancellationToken ct);

    /// <summary>The metric's value over the ledger's first <paramref name="treeSize"/> events.</summary>
    Task<decimal> ReadAsync(string id, string? country, long treeSize, CancellationToken ct);
}

public sealed class LedgerMetricRegistry(RightsDeskDbContext db, IEnumerable<IMetric> metrics) : IMetricRegistry
{
    private readonly Dictionary<string, IMetric> _metrics = metrics.ToDictionary(m => m.Definition.Id, StringComparer.Ordinal);

    public IReadOnlyList<MetricDefinition> All => _metrics.Values.Select(m => m.Definition).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public MetricDefinition? Find(string id) => _metrics.TryGetValue(id, out var m) ? m.Definition : null;

    public async Task<long> TreeSizeAsync(CancellationToken ct) => (await db.LedgerEvents.MaxAsync(e => (long?)e.Seq, ct) ?? -1) + 1;

    public async Task<decimal> ReadAsync(string id, string? country, long treeSize, CancellationToken ct)
    {
        var metric = _metrics.TryGetValue(id, out var m) ? m : throw new ArgumentException($"'{id}' is not a registered metric.", nameof(id));
        var codes = metric.Codes.Select(c => (int)c).ToList();
        var rows = await db.LedgerEvents.AsNoTracking().Where(e => e.Seq < treeSize && codes.Contains(e.Code)).OrderBy(e => e.Seq)
            .Select(e => new { e.Code, e.Data }).ToListAsync(ct);
        return decimal.Round(metric.Compute(rows.Select(r => new LedgerFact(r.Code, FieldsOf(r.Data))), country), 2);
    }

    private static Dictionary<string, string?> FieldsOf(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString(), StringComparer.Ordinal);
    }
}
