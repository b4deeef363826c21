using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Core.Letters;
using RightsDesk.Data;
using RightsDesk.Data.Notices;

namespace RightsDesk.Application.Notices;

/// <summary>A notice in a list: the notice and the facts of its case a list shows (no target identifier), with the
/// case's reference people say and write (null on demands stored before references were given).</summary>
public sealed record NoticeLine(NoticeRecord Notice, string Authority, string Country, bool Restricted, string? Reference = null);

/// <summary>The exact text a notice will carry, in one language.</summary>
public sealed record NoticePreview(string Language, bool IsNoticeLanguage, RenderedNotice Text);

/// <summary>
/// What the desk shows of user notices: every list filtered by the case's compartment (a restricted case's notices
/// are listed only to those who may see the case), and previews composed the way the notice job will compose them.
/// </summary>
public sealed class NoticeBoard(RightsDeskDbContext db, INoticeSources sources, IPlatformConnector connector, TimeProvider clock)
{
    /// <summary>The compartment rule as a query over notices: the same cases drop out as from the demand lists.</summary>
    public static IQueryable<NoticeRecord> Visible(RightsDeskDbContext db, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = DemandQueries.Visible(db.Demands, viewer);
        return db.Notices.Where(n => cases.Any(d => d.Id == n.DemandId));
    }

    /// <summary>Due now: released by their date, queued and not yet delivered, or an indefinite gag order up for review.</summary>
    public static IQueryable<NoticeRecord> Due(IQueryable<NoticeRecord> q, DateOnly today) =>
        q.Where(n => (n.Status == NoticeStatus.Planned && n.Earliest != null && n.Earliest <= today)
            || (n.Status == NoticeStatus.Held && n.ReviewAt != null && n.ReviewAt <= today)
            || n.Status == NoticeStatus.Queued);

    public async Task<IReadOnlyList<NoticeLine>> ListAsync(Viewer viewer, NoticeStatus? status, bool dueOnly, int take, CancellationToken ct)
    {
        var q = Visible(db, viewer).AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(n => n.Status == s);
        }

        if (dueOnly)
        {
            q = Due(q, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }

        var rows = await q.OrderBy(n => n.Status).ThenBy(n => n.Earliest).ThenBy(n => n.Id).Take(Math.Clamp(take, 1, 500))
            .Join(db.Demands, n => n.DemandId, d => d.Id, (n, d) => new { n, d.AuthorityName, d.AuthorityCountry, d.Restricted, d.Reference })
            .ToListAsync(ct);
        return rows.Select(r => new NoticeLine(r.n, r.AuthorityName, r.AuthorityCountry, r.Restricted, r.Reference)).ToList();
    }

    /// <summary>Counts by status, of the notices the viewer may see.</summary>
    public async Task<IReadOnlyDictionary<NoticeStatus, int>> CountAsync(Viewer viewer, CancellationToken ct) =>
        await Visible(db, viewer).GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// The notice's text as the job would compose it today: in the user's language (from the platform, as the job
    /// asks), and in every other language the policy has a notice template for. The case's reader checks access first.
    /// </summary>
    public async Task<IReadOnlyList<NoticePreview>> PreviewAsync(NoticeRecord notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (demand, assessment, decision) = await sources.OpenCaseAsync(notice.DemandId, ct);
        var policy = sources.Policy;
        var language = notice.ComposedAt is null
            ? (await connector.ContactAsync(demand.Targets[notice.TargetIndex], ct))?.Language ?? "en"
            : notice.Language;
        var model = NoticeModel.From(demand, assessment, decision?.Outcome ?? assessment.Recommendation, policy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            scope: decision is null ? null : new DecidedScope(decision.AuthorisedCategories, decision.AuthorisedTerritories));
        var first = NoticeComposer.Compose(policy, language, model);
        var others = policy.Templates.Keys
            .Where(k => k.StartsWith("notices/", StringComparison.Ordinal) && k.EndsWith("/user-notice.md", StringComparison.Ordinal))
            .Select(k => k.Split('/')[1])
            .Where(l => l != first.Language)
            .Order(StringComparer.Ordinal)
            .Select(l => new NoticePreview(l, false, NoticeComposer.Compose(policy, l, model)));
        return [new NoticePreview(first.Language, true, first), .. others];
    }

    /// <summary>The notice, if it belongs to the demand.</summary>
    public Task<NoticeRecord?> FindAsync(Guid demandId, Guid noticeId, CancellationToken ct) =>
        db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.DemandId == demandId, ct);

    public async Task<IReadOnlyList<NoticeRecord>> OfDemandAsync(Guid demandId, CancellationToken ct) =>
        await db.Notices.AsNoTracking().Where(n => n.DemandId == demandId).OrderBy(n => n.TargetIndex).ToListAsync(ct);

    /// <summary>The plan of a held notice: the standard says to challenge an indefinite gag order, not to wait it out.</summary>
    public static bool OwesChallenge(NoticeRecord n) => n.Status == NoticeStatus.Held && n.Plan == NoticePlan.ReviewNonDisclosure;
}
