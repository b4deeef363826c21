using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Transparency;
using RightsDesk.Data.Impact;

namespace RightsDesk.Application.Impact;

/// <summary>
/// The public summary of impact assessments (UNGP 21, DSA 42(4), GNI's "account for"): only signed assessments, and of
/// each only what is structured (enums, countries, products, dates, counts, registered metrics). Nothing typed on
/// the desk is published, so no name, rationale or consultation text can reach it, and nothing is read from the at-risk
/// registry. Consultation counts go through the transparency report's small-number protection.
/// </summary>
public sealed class PublicImpact(ImpactStore store, ImpactQueries queries, IMetricRegistry metrics, PolicyProvider policy, TimeProvider clock)
{
    /// <summary>What the public summary leaves out, and why.</summary>
    public static readonly IReadOnlyList<string> LeftOut =
    [
        "Assessments not yet signed off by a second person: a draft's figures change and have not been checked. Only how many there are.",
        "Titles, rationales, evidence, review summaries and the titles of mitigations and benchmarks as written on the desk: they are working text and may name people.",
        "Who was consulted and what they said: never names, never the issues raised or the precautions taken. Consultations are counted by the group heard and by method; counts from 1 to the small-number threshold are a range, and other counts are widened so that none can be worked out by subtraction.",
        "Which groups each risk affects in which country, and the partners an assessment covers: a small group in one country can point to the people who spoke to us.",
        "The names of assessors, mitigation owners and those who signed off.",
        "A right is counted once for each risk that names it, so the counts by right can add up to more than the number of risks.",
    ];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PublicImpactSummary> SummaryAsync(CancellationToken ct)
    {
        var threshold = policy.Current.Operator.Transparency.SmallNumberThreshold;
        var rows = await store.Db.ImpactAssessments.AsNoTracking().ToListAsync(ct);
        var signed = rows.Where(a => a.SignedOffAt is not null).OrderByDescending(a => a.SignedOffAt).ThenBy(a => a.Id).ToList();
        var published = new List<PublicAssessment>();
        foreach (var row in signed)
        {
            if (await queries.GetAsync(row.Id, ct) is { } view)
            {
                published.Add(await PublishAsync(row, view, threshold, ct));
            }
        }

        return new PublicImpactSummary(Today, threshold, rows.Count - signed.Count, published, LeftOut);
    }

    private async Task<PublicAssessment> PublishAsync(ImpactAssessmentRecord row, AssessmentView v, int threshold, CancellationToken ct)
    {
        var rules = store.Rules;
        var bySeverity = rules.Severity.Bands.OrderByDescending(b => b.AtLeast)
            .Select(b => Exact(b.Name, v.Risks.Count(r => r.Band == b.Name))).ToList();
        var byRight = v.Risks.SelectMany(r => r.Risk.Rights).GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => (Entry: rules.Right(g.Key), Count: g.Count())).Where(x => x.Entry is not null)
            .OrderByDescending(x => x.Count).ThenBy(x => x.Entry!.Id, StringComparer.Ordinal)
            .Select(x => new PublicRightCount(x.Entry!.Id, x.Entry.Instrument, x.Entry.Article, x.Entry.Name, x.Count)).ToList();
        var byStatus = Enum.GetValues<MitigationStatus>().Select(s => Exact(JsonNames.Of(s), v.Mitigations.Count(m => m.Status == s))).ToList();
        var consultations = await ConsultationsAsync(row.Id, threshold, ct);
        var benchmarks = v.Benchmarks.Select(b =>
        {
            var metric = metrics.Find(b.Metric);
            var latest = b.Readings.Count == 0 ? null : b.Readings[^1];
            return new PublicBenchmark(b.Metric, metric?.Name ?? b.Metric, metric?.Unit ?? "", b.Country, b.Baseline, b.Target, b.Direction,
                latest?.Value, latest is null ? null : DateOnly.FromDateTime(latest.At.UtcDateTime), latest?.TreeSize, latest?.OnTarget, b.Readings.Count);
        }).ToList();
        return new PublicAssessment(
            v.Trigger, v.Scope.Countries, v.Scope.Products, v.Phase, DateOnly.FromDateTime(row.CreatedAt.UtcDateTime),
            DateOnly.FromDateTime(row.SignedOffAt!.Value.UtcDateTime), v.NextReviewDue, !v.ReviewOverdue, v.Assurance is not null,
            v.Risks.Count, bySeverity, byRight, v.Mitigations.Count, byStatus, consultations, benchmarks);
    }

    /// <summary>
    /// The assessment's consultations as counts protected the way the transparency report protects its own: the totals
    /// and their breakdowns are related sums, so <see cref="SmallNumbers.Protect"/> widens whatever would let a small
    /// count be recovered by subtracting the others from the total.
    /// </summary>
    private async Task<PublicConsultations> ConsultationsAsync(Guid assessment, int threshold, CancellationToken ct)
    {
        var rows = await store.Db.ImpactConsultations.AsNoTracking().Where(c => c.AssessmentId == assessment)
            .Select(c => new { c.Group, c.Method, c.Participants }).ToListAsync(ct);
        const string period = "impact";
        var sessions = new Cell(period, new FigureKey("consultations", "sessions"));
        var participants = new Cell(period, new FigureKey("consultations", "participants"));
        var groups = rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(g => g, g => new Cell(period, new FigureKey("consultations", "participants", "group", g)), StringComparer.Ordinal);
        var methods = rows.Select(r => JsonNames.Of(r.Method)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(m => m, m => new Cell(period, new FigureKey("consultations", "sessions", "method", m)), StringComparer.Ordinal);
        var values = new Dictionary<Cell, long> { [sessions] = rows.Count, [participants] = rows.Sum(r => (long)r.Participants) };
        foreach (var (g, cell) in groups)
        {
            values[cell] = rows.Where(r => r.Group == g).Sum(r => (long)r.Participants);
        }

        foreach (var (m, cell) in methods)
        {
            values[cell] = rows.Count(r => JsonNames.Of(r.Method) == m);
        }

        var relations = new List<CellRelation>();
        if (groups.Count > 0)
        {
            relations.Add(new CellRelation(participants, groups.Values.ToList()));
            relations.Add(new CellRelation(sessions, methods.Values.ToList()));
        }

        var bands = SmallNumbers.Protect(values, relations, new Dictionary<Cell, Band>(), threshold);
        PublicCount Count(string key, Cell cell) => new(key, bands[cell].Low, bands[cell].High);
        return new PublicConsultations(Count("sessions", sessions), Count("participants", participants),
            groups.Select(g => Count(g.Key, g.Value)).ToList(), methods.Select(m => Count(m.Key, m.Value)).ToList());
    }

    private static PublicCount Exact(string key, long n) => new(key, n, n);
}
