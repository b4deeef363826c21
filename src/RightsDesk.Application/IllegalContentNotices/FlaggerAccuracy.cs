using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Partners;
using RightsDesk.Data;

namespace RightsDesk.Application.IllegalContentNotices;

/// <summary>A trusted flagger as the desk lists it: how many notices it sent, how many were decided, and how many of
/// those led to action (the same measure as a partner's accuracy: acted on, of decided).</summary>
public sealed record FlaggerAccuracy(Guid Id, string Organisation, string Country, string Coordinator, PartnerAccuracy Accuracy);

/// <summary>
/// The registry with each flagger's accuracy, kept from the notices' outcomes, never typed in, so the desk can tell
/// the coordinator when a flagger's notices are often wrong (DSA Art. 22(6)).
/// </summary>
public sealed class FlaggerAccuracyQuery(RightsDeskDbContext db)
{
    public async Task<IReadOnlyList<FlaggerAccuracy>> ListAsync(CancellationToken ct)
    {
        var flaggers = await db.TrustedFlaggers.AsNoTracking().OrderBy(f => f.Organisation).ToListAsync(ct);
        var outcomes = await db.IllegalContentNotices.AsNoTracking().Where(n => n.FlaggerId != null)
            .Select(n => new { n.FlaggerId, n.Outcome }).ToListAsync(ct);
        return flaggers.Select(f =>
        {
            var theirs = outcomes.Where(o => o.FlaggerId == f.Id).ToList();
            var decided = theirs.Count(o => o.Outcome is not null);
            var acted = theirs.Count(o => o.Outcome == NoticeOutcome.DecisionTaken);
            return new FlaggerAccuracy(f.Id, f.Organisation, f.Country, f.Coordinator, new PartnerAccuracy(theirs.Count, decided, acted));
        }).ToList();
    }
}
