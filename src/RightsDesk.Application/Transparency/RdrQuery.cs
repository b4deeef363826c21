using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Originals;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Originals;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;

namespace RightsDesk.Application.Transparency;

/// <summary>The RDR self-assessment as published: when it was computed, from which report version, and the indicators.</summary>
public sealed record RdrSelfAssessmentView(DateOnly AssessedOn, string PolicyVersion, string? ReportPeriod, int? ReportVersion, IReadOnlyList<RdrIndicator> Indicators);

/// <summary>
/// Gathers the evidence for the RDR self-assessment from the platform's own records: the published report versions
/// (the latest one's tables and its published notice shares, never raw counts, so the page says no more than the
/// report), the policy in force, the public push-back records, the originals the public pages show, the statements of reasons issued and the impact assessments (G4a).
/// </summary>
public sealed class RdrQuery(RightsDeskDbContext db, PolicyProvider policy, TimeProvider clock, Impact.ImpactRdrEvidence impact, IShownOriginals shown)
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

        var (originals, originalsOn) = await LatestAsync(LedgerEventCode.TakedownsPublished, "takedowns-" + PublishTakedowns.Tier(OriginalTier.Public), "originals", ct);
        var (lumen, _) = await LatestAsync(LedgerEventCode.LumenNoticesExported, null, "notices", ct);
        var onPages = await shown.PublicAsync(ct);
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
            PublishedOriginals = originals,
            OriginalsPublishedOn = originalsOn,
            ShownOriginals = onPages?.Count ?? 0,
            ShownYear = onPages?.Year,
            LumenNotices = lumen,
            Impact = await impact.GatherAsync(ct),
        };
        return new RdrSelfAssessmentView(today, current.Version, latest?.Period, latest?.Version, RdrSelfAssessment.Assess(evidence));
    }

    /// <summary>A count field of the latest ledger event of a kind (publications and exports are rare, so one row is
    /// read), and the day it was recorded; zero and no day when there is none.</summary>
    private async Task<(int Count, DateOnly? On)> LatestAsync(LedgerEventCode code, string? subject, string field, CancellationToken ct)
    {
        var row = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.Code == (int)code && (subject == null || e.SubjectId == subject))
            .OrderByDescending(e => e.Seq).Select(e => new { e.Data, e.At }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return (0, null);
        }

        using var doc = JsonDocument.Parse(row.Data);
        var count = doc.RootElement.TryGetProperty("fields", out var fields) && fields.TryGetProperty(field, out var value)
            && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return (count, DateOnly.FromDateTime(row.At.UtcDateTime));
    }
}
