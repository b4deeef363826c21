using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Impact;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Pushback;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Pushback;

namespace RightsDesk.Application.Pushback;

/// <summary>Reads push-back records: all of them for the desk, those relevant to one demand, and the public summary.</summary>
public sealed class PushbackQueries(RightsDeskDbContext db, PolicyProvider policy)
{
    /// <summary>What the public summary leaves out, and why.</summary>
    public static readonly IReadOnlyList<string> LeftOut =
    [
        "The subject as written on the desk, the court and the case number: court files and orders can name the users, journalists or defenders concerned.",
        "The desk's summary of each record: it is working text and may name people.",
        "Which demands a record concerns: a demand's id or date can point to its target. Only how many, and from 1 to the small-number threshold only as a range.",
        "Dates finer than the year a record started, for the same reason.",
    ];

    public async Task<IReadOnlyList<PushbackView>> ListAsync(CancellationToken ct) =>
        (await db.Pushback.AsNoTracking().ToListAsync(ct)).OrderByDescending(p => p.Started).ThenByDescending(p => p.CreatedAt).Select(View).ToList();

    public async Task<PushbackView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Pushback.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } r ? View(r) : null;

    /// <summary>
    /// The records that bear on a demand: those that name it, and those about the law of the demand's country (a challenge
    /// to that law is something the reviewer should know of before deciding).
    /// </summary>
    public async Task<IReadOnlyList<PushbackView>> ForDemandAsync(Guid demand, string country, CancellationToken ct)
    {
        var id = demand.ToString();
        var rows = await db.Pushback.AsNoTracking().Where(p => p.Country == country || p.DemandsJson.Contains(id)).ToListAsync(ct);
        return rows.OrderByDescending(p => p.DemandsJson.Contains(id, StringComparison.Ordinal)).ThenByDescending(p => p.Started).Select(View).ToList();
    }

    public async Task<PublicPushbackSummary> PublicAsync(CancellationToken ct)
    {
        var rules = policy.Current;
        var threshold = rules.Operator.Transparency.SmallNumberThreshold;
        var rows = await db.Pushback.AsNoTracking().ToListAsync(ct);
        var records = rows.OrderByDescending(p => p.Started.Year).ThenBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p =>
            {
                var band = SmallNumbers.BandOf(ImpactStore.Read<List<Guid>>(p.DemandsJson).Count, 0, threshold);
                var offences = ImpactStore.Read<List<string>>(p.OffencesJson)
                    .Select(o => rules.Offences.FirstOrDefault(e => e.Id == o)?.Name ?? o).ToList();
                return new PublicPushback(p.Kind, p.Country, offences, p.Target, p.Status, p.Outcome, p.Started.Year, band.Low, band.High);
            }).ToList();
        return new PublicPushbackSummary(threshold, records, LeftOut);
    }

    private static PushbackView View(PushbackRecord r) => new(
        r.Id, r.Kind, r.Subject, r.Country, ImpactStore.Read<List<string>>(r.OffencesJson), r.Court, r.CaseNumber, r.Target, r.Status, r.Outcome,
        r.Started, r.Concluded, ImpactStore.Read<List<Guid>>(r.DemandsJson), r.Summary, r.UpdatedAt);
}
