using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Originals;
using RightsDesk.Data;

namespace RightsDesk.Application.Originals;

/// <summary>One original a selection holds: the demand it came from and its desk reference, the original, and the
/// hash of the demand's own words before redaction (what the redaction list is ledgered against).</summary>
public sealed record SelectedOriginal(Guid DemandId, string Reference, PublishedOriginal Original, string SourceSha256)
{
    public int RedactionCount => Original.Redactions.Sum(r => r.Count);
}

/// <summary>What would be published for a period and tier: the originals in order, the files (each original and the
/// indexes), the demands held by a non-disclosure order (by reference, with the day it ends) and how many are not
/// decided yet.</summary>
public sealed record TakedownSelectionResult(
    OriginalTier Tier, DateOnly From, DateOnly To, IReadOnlyList<SelectedOriginal> Originals, IReadOnlyDictionary<string, byte[]> Files,
    IReadOnlyList<(string Reference, DateOnly? Until)> Held, int NotDecided);

/// <summary>
/// Chooses and writes the originals of the government takedown demands (content and account restrictions) received
/// between two days, inclusive, whose decision stands, and records nothing: the console's publication ledgers what it
/// wrote (<see cref="PublishTakedowns"/>), the web pages read the same selection. A demand under a non-disclosure
/// order in force is held until the order ends (the Lumen export's rule, <see cref="LumenNotice.Skip"/>); one not
/// decided is left out, since "what was done" is half of what a published original says.
/// </summary>
public sealed class TakedownSelection(RightsDeskDbContext db, DemandSealing sealing, PolicyProvider policy, TimeProvider clock)
{
    public async Task<TakedownSelectionResult> SelectAsync(DateOnly from, DateOnly to, OriginalTier tier, CancellationToken ct)
    {
        if (to < from)
        {
            throw new InvalidOperationException("--to is before --from.");
        }

        var current = policy.Current;
        var rules = current.Originals ?? throw new InvalidOperationException("The policy has no originals.json: no rule table says what each tier keeps, so nothing is published.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var records = await db.Demands.AsNoTracking()
            .Where(d => (d.Kind == DemandKind.ContentRestriction || d.Kind == DemandKind.AccountRestriction) && d.ReceivedAt >= start && d.ReceivedAt < end)
            .ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.DemandId) && !d.Superseded).ToListAsync(ct)).ToLookup(d => d.DemandId);

        var originals = new List<SelectedOriginal>();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var held = new List<(string, DateOnly?)>();
        var notDecided = 0;
        foreach (var r in records.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id))
        {
            var demand = sealing.Demand(r);
            var row = decisions[r.Id].OrderByDescending(d => d.DecidedAt).FirstOrDefault();
            var decision = row is null ? null : sealing.Decision(r, row);
            var reference = r.Reference ?? r.Id.ToString("N");
            switch (LumenNotice.Skip(demand, r.State, decision, today))
            {
                case LumenSkip.NonDisclosureInForce:
                    held.Add((reference, demand.NonDisclosure?.Until));
                    continue;
                case not null:
                    notDecided++;
                    continue;
            }

            var original = Unique(TakedownOriginal.Build(demand, decision!, reference, tier, rules, current.Operator.Name), files);
            files[original.Path] = Encoding.UTF8.GetBytes(original.Markdown);
            originals.Add(new SelectedOriginal(r.Id, reference, original, Sha(Encoding.UTF8.GetBytes(demand.StatementOfReasons ?? ""))));
        }

        foreach (var (path, text) in OriginalsIndex.Build(originals.Select(o => o.Original).ToList(), tier, from, to, held.Count))
        {
            files[path] = Encoding.UTF8.GetBytes(text);
        }

        return new TakedownSelectionResult(tier, from, to, originals, files, held, notDecided);
    }

    /// <summary>The calendar year a web page shows at a time: one period, so a request opens one year's demands.</summary>
    public Task<TakedownSelectionResult> YearAsync(int year, OriginalTier tier, CancellationToken ct) =>
        SelectAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), tier, ct);

    /// <summary>The first and last year a takedown demand was received in (null when there is none): read from the
    /// dates alone, nothing is unsealed.</summary>
    public async Task<(int First, int Last)?> YearsAsync(CancellationToken ct)
    {
        var takedowns = db.Demands.AsNoTracking().Where(d => d.Kind == DemandKind.ContentRestriction || d.Kind == DemandKind.AccountRestriction);
        var first = await takedowns.OrderBy(d => d.ReceivedAt).Select(d => (DateTimeOffset?)d.ReceivedAt).FirstOrDefaultAsync(ct);
        var last = await takedowns.OrderByDescending(d => d.ReceivedAt).Select(d => (DateTimeOffset?)d.ReceivedAt).FirstOrDefaultAsync(ct);
        return first is { } f && last is { } l ? (f.UtcDateTime.Year, l.UtcDateTime.Year) : null;
    }

    /// <summary>Two demands of one day with references that slug alike get -2, -3 after the second.</summary>
    private static PublishedOriginal Unique(PublishedOriginal o, SortedDictionary<string, byte[]> taken)
    {
        var candidate = o;
        for (var n = 2; taken.ContainsKey(candidate.Path); n++)
        {
            candidate = o with { FileName = o.FileName[..^3] + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".md" };
        }

        return candidate;
    }

    internal static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
