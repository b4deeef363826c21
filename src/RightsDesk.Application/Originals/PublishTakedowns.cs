using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Originals;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Originals;

/// <summary>What a publication wrote and left out: the files by path, what was redacted, and the demands held by a
/// non-disclosure order (by reference, with the day it ends) or not decided yet.</summary>
public sealed record TakedownPublication(
    OriginalTier Tier, IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<PublishedOriginal> Originals,
    IReadOnlyList<(string Reference, DateOnly? Until)> Held, int NotDecided)
{
    public int Redacted(OriginalRedactionKind kind) => Originals.SelectMany(o => o.Redactions).Where(r => r.Kind == kind).Sum(r => r.Count);
}

/// <summary>
/// Publishes the originals of the government takedown demands (content and account restrictions) received between
/// two days, inclusive, whose decision stands: one Markdown file per demand under <c>COUNTRY/YEAR/</c>, an index per
/// country and year, and one at the top. A demand under a non-disclosure order in force is not published until the
/// order ends (the Lumen export's rule, <see cref="LumenNotice.Skip"/>); nor is one not decided, since "what was
/// done" is half of what a published original says. Each run is <see cref="TakedownsPublished"/> and each file's
/// redaction list <see cref="TakedownRedactionsListed"/> on its demand, in one transaction.
/// </summary>
public sealed class PublishTakedowns(RightsDeskDbContext db, DemandSealing sealing, PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<TakedownPublication> BuildAsync(DateOnly from, DateOnly to, OriginalTier tier, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
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

        var originals = new List<PublishedOriginal>();
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

            var original = TakedownOriginal.Build(demand, decision!, reference, tier, rules, current.Operator.Name);
            original = Unique(original, files);
            originals.Add(original);
            var bytes = Encoding.UTF8.GetBytes(original.Markdown);
            files[original.Path] = bytes;
            ledger.Record(new TakedownRedactionsListed(Tier(tier), original.Path,
                original.Redactions.ToDictionary(c => $"{JsonNames.Of(c.Kind)}:{c.Rule}", c => c.Count, StringComparer.Ordinal),
                Sha(Encoding.UTF8.GetBytes(demand.StatementOfReasons ?? "")), Sha(bytes)), actor, r.Id.ToString());
        }

        foreach (var (path, text) in OriginalsIndex.Build(originals, tier, from, to, held.Count))
        {
            files[path] = Encoding.UTF8.GetBytes(text);
        }

        var hashes = string.Concat(files.Select(f => $"{Sha(f.Value)}  {f.Key}\n"));
        ledger.Record(new TakedownsPublished(from, to, Tier(tier), current.Version, originals.Count, held.Count, notDecided,
            originals.Sum(o => o.Redactions.Sum(c => c.Count)), Sha(Encoding.UTF8.GetBytes(hashes))), actor, "takedowns-" + Tier(tier));
        await ledger.SaveAsync(ct);
        return new TakedownPublication(tier, files, originals, held, notDecided);
    }

    /// <summary>Writes a publication into <paramref name="directory"/>, which must be empty or hold an earlier
    /// publication only (its files are replaced, so a demand no longer published does not linger).</summary>
    public async Task<TakedownPublication> RunAsync(DateOnly from, DateOnly to, OriginalTier tier, string directory, Actor actor, CancellationToken ct)
    {
        PublicationDirectory.Prepare(directory);
        var publication = await BuildAsync(from, to, tier, actor, ct);
        foreach (var (path, bytes) in publication.Files)
        {
            var full = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes, ct);
        }

        return publication;
    }

    public static string Tier(OriginalTier tier) => JsonNames.Of(tier);

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

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
