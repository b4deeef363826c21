using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;

namespace RightsDesk.Application.Transparency;

/// <summary>The RDR self-assessment as published: when it was computed, from which report version, and the indicators.</summary>
public sealed record RdrSelfAssessmentView(DateOnly AssessedOn, string PolicyVersion, string? ReportPeriod, int? ReportVersion, IReadOnlyList<RdrIndicator> Indicators);

/// <summary>
/// Gathers the evidence for the RDR self-assessment from the platform's own records: the published report versions
/// (the latest one's tables and its published notice shares, never raw counts, so the page says no more than the
/// report), the policy in force, the public push-back records, the statements of reasons issued and the impact assessments (G4a).
/// </summary>
public sealed class RdrQuery(RightsDeskDbContext db, PolicyProvider policy, TimeProvider clock, Impact.ImpactRdrEvidence impact)
{
    public async Task<RdrSelfAssessmentView> AssessAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var versions = await db.TransparencyReports.AsNoTracking().CountAsync(ct);
        var latest = await db.TransparencyReports.AsNoTracking().OrderByDescending(r => r.PublishedAt).FirstOrDefaultAsync(ct);
        var figures = latest is null ? null : ReportJson.Read(latest.FiguresJson);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        var shares = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in figures?.Figures ?? [])
        {
            tables.Add(f.Key.Table);
            tables.Add(f.Key.Table + "/" + f.Key.Measure);
            if (f.Key.Table == "user_notice_by_situation" && f.Unit == "percent" && f.Low is { } low)
            {
                shares[f.Key.Value] = f.Exact ? ReportJson.Number(low) : $"{ReportJson.Number(low)}-{ReportJson.Number(f.High)}";
            }
        }

        var current = policy.Current;
        var accountRungs = new[] { Rung.Suspend, Rung.Terminate };
        var evidence = new RdrEvidence
        {
            ReportVersions = versions,
            LatestPeriod = latest?.Period,
            LatestVersion = latest?.Version ?? 0,
            LatestPublished = latest is null ? null : DateOnly.FromDateTime(latest.PublishedAt.UtcDateTime),
            PublishedWithinYear = latest is not null && latest.PublishedAt > clock.GetUtcNow().AddYears(-1),
            Tables = tables,
            NoticeShares = shares,
            Jurisdictions = current.Profiles.Count,
            JurisdictionsWithForeignRules = current.Profiles.Count(p => p.ForeignAuthorities is not null),
            Offences = current.Offences.Count,
            PolicyVersion = current.Version,
            PushbackRecords = await db.Pushback.CountAsync(ct),
            Statements = await db.ModerationStatements.LongCountAsync(ct),
            AccountStatements = await (from s in db.ModerationStatements
                                       join d in db.ModerationDecisions on s.DecisionId equals d.Id
                                       where accountRungs.Contains(d.Rung)
                                       select s.Id).LongCountAsync(ct),
            Impact = await impact.GatherAsync(ct),
        };
        return new RdrSelfAssessmentView(today, current.Version, latest?.Period, latest?.Version, RdrSelfAssessment.Assess(evidence));
    }
}
