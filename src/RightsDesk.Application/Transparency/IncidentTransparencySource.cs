using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency;

/// <summary>Every incident received through the public channel in the period, by its shape and its clock; what the
/// reporter wrote stays sealed and is never read here.</summary>
public sealed class IncidentTransparencySource(RightsDeskDbContext db, FieldCipher cipher, PolicyProvider policy) : ITransparencySource
{
    public string Name => IncidentFigures.Source;

    /// <summary>The levels every report lists, zero rows included; defenders.json must name exactly these.</summary>
    private static readonly IReadOnlyList<string> Severities = ["S1", "S2", "S3", "S4"];

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = await FactsAsync(period, ct);
        return new SourceReading(IncidentFigures.Compute(facts, period, Severities), facts.Select(f => ReportRecords.Canonical(Name, f)).ToList());
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        IncidentFigures.Compute(ReportRecords.Of<IncidentFact>(Name, records), period, Severities);

    public async Task<IReadOnlyList<IncidentFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.ReceivedAt >= start && i.ReceivedAt < end)
            .Select(i => new { i.Id, i.ReceivedAt, i.Types, i.Severity, i.Country, i.AcknowledgedAt, i.ResolvedAt })
            .ToListAsync(ct);
        var levels = policy.Current.Defenders;
        return rows
            .Select(i =>
            {
                var level = levels?.Severities.FirstOrDefault(s => s.Id == i.Severity);
                // The same whole minutes and hours, against the same targets, that the desk ledgered when it
                // acknowledged and resolved, so the report and the benchmark agree.
                int? minutes = i.AcknowledgedAt is { } a ? (int)(a - i.ReceivedAt).TotalMinutes : null;
                int? hours = i.ResolvedAt is { } r ? (int)(r - i.ReceivedAt).TotalHours : null;
                return new IncidentFact(
                    cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, i.Id.ToString("N")),
                    i.ReceivedAt,
                    i.Types.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? JsonNamesOther,
                    i.Severity,
                    i.Country ?? IncidentFigures.Unknown,
                    i.AcknowledgedAt is { } ack ? Math.Round((ack - i.ReceivedAt).TotalHours, 2) : null,
                    minutes is { } m && level is not null ? m <= level.AcknowledgeWithinMinutes : null,
                    i.ResolvedAt is { } res ? Math.Round((res - i.ReceivedAt).TotalHours, 2) : null,
                    hours is { } h && level is not null ? h <= level.ResolveWithinHours : null);
            })
            .OrderBy(f => f.CaseHash, StringComparer.Ordinal)
            .ToList();
    }

    private static readonly string JsonNamesOther = Words.Of(IncidentType.Other);
}
