using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Fulfilment;

public sealed record ManifestEntry(int TargetIndex, TargetType TargetType, string TargetId, DataCategory Category);

/// <summary>
/// Exactly what a decision authorises to leave the platform: each (target, category) pair, nothing more.
/// The package is built from this list and nothing else.
/// </summary>
public sealed record DisclosureManifest(
    Guid DemandId,
    Guid DecisionId,
    Recommendation Outcome,
    DateTimeOffset CreatedAt,
    DateRange? DateRange,
    IReadOnlyList<ManifestEntry> Entries)
{
    public static DisclosureManifest From(Guid demandId, Guid decisionId, Demand demand, Decision decision, DateTimeOffset at)
    {
        var entries = new List<ManifestEntry>();
        foreach (var i in decision.AuthorisedTargets)
        {
            var target = demand.Targets[i];
            foreach (var category in decision.AuthorisedCategories)
            {
                entries.Add(new ManifestEntry(i, target.Type, target.Id, category));
            }
        }

        return new DisclosureManifest(demandId, decisionId, decision.Outcome, at, demand.DateRange, entries);
    }
}

/// <summary>What the connector returned for one manifest entry. <see cref="Found"/> is false when the platform holds nothing.</summary>
public sealed record DisclosureItem(int TargetIndex, DataCategory Category, bool Found, string? ContentType, string? Data);

public sealed record DisclosurePackage(DisclosureManifest Manifest, IReadOnlyList<DisclosureItem> Items);

/// <summary>Where the platform's user can be reached for a notice, as the platform knows it.</summary>
public sealed record UserContact(string? Email, string Language);

/// <summary>
/// The only way RightsDesk touches the platform's own data. Implement it for your platform (see docs/connector.md);
/// the shipped implementation reads files. It is asked only for what a manifest authorises.
/// </summary>
public interface IPlatformConnector
{
    Task<DisclosureItem> FetchAsync(Target target, DataCategory category, DateRange? range, Recommendation outcome, CancellationToken ct);

    /// <summary>Preserve the target's records (a preservation decision); returns a reference the platform keeps.</summary>
    Task<string> PreserveAsync(Target target, IReadOnlyList<DataCategory> categories, int days, CancellationToken ct);

    Task<UserContact?> ContactAsync(Target target, CancellationToken ct);
}
