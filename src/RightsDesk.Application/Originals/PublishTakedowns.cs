using System.Text;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Originals;
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
/// Publishes the originals of the government takedown demands received between two days, inclusive, as
/// <see cref="TakedownSelection"/> chooses and writes them: one Markdown file per demand under <c>COUNTRY/YEAR/</c>,
/// an index per country and year, and one at the top. Each run is <see cref="TakedownsPublished"/> and each file's
/// redaction list <see cref="TakedownRedactionsListed"/> on its demand, in one transaction.
/// </summary>
public sealed class PublishTakedowns(TakedownSelection selection, PolicyProvider policy, LedgerWriter ledger)
{
    public async Task<TakedownPublication> BuildAsync(DateOnly from, DateOnly to, OriginalTier tier, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var chosen = await selection.SelectAsync(from, to, tier, ct);
        foreach (var o in chosen.Originals)
        {
            var original = o.Original;
            ledger.Record(new TakedownRedactionsListed(Tier(tier), original.Path,
                original.Redactions.ToDictionary(c => $"{JsonNames.Of(c.Kind)}:{c.Rule}", c => c.Count, StringComparer.Ordinal),
                o.SourceSha256, TakedownSelection.Sha(chosen.Files[original.Path])), actor, o.DemandId.ToString());
        }

        var originals = chosen.Originals.Select(o => o.Original).ToList();
        var hashes = string.Concat(chosen.Files.Select(f => $"{TakedownSelection.Sha(f.Value)}  {f.Key}\n"));
        ledger.Record(new TakedownsPublished(from, to, Tier(tier), policy.Current.Version, originals.Count, chosen.Held.Count, chosen.NotDecided,
            originals.Sum(o => o.Redactions.Sum(c => c.Count)), TakedownSelection.Sha(Encoding.UTF8.GetBytes(hashes))), actor, "takedowns-" + Tier(tier));
        await ledger.SaveAsync(ct);
        return new TakedownPublication(tier, chosen.Files, originals, chosen.Held, chosen.NotDecided);
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
}
