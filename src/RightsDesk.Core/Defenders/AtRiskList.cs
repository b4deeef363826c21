using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Defenders;

public static class AtRiskCategories
{
    /// <summary>The categories the registry accepts (US-EU HRD recommendations' description of defenders).</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "humanRightsDefender", "journalist", "activist", "lawyer", "tradeUnionist", "environmentalDefender",
        "womensRightsDefender", "lgbtiDefender", "indigenousRepresentative", "politicalOpposition", "academic", "other",
    };
}

/// <summary>
/// An in-memory registry, for offline assessment (`rightsdesk assess --at-risk FILE`) and tests. It canonicalises
/// like the stored registry (<see cref="AtRiskIdentifiers"/>), so an offline assessment matches what the desk would.
/// </summary>
public sealed class AtRiskList : IAtRiskRegistry
{
    private readonly Dictionary<string, string> _byCanonical = new(StringComparer.Ordinal);

    /// <summary>Entries whose kind is not said: it is read from the identifier's shape.</summary>
    public AtRiskList(IEnumerable<(string Id, string Category)> entries)
        : this(entries.Select(e => (AtRiskIdentifiers.Infer(e.Id), e.Id, e.Category)))
    {
    }

    public AtRiskList(IEnumerable<(IdentifierKind Kind, string Value, string Category)> entries, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (kind, value, category) in entries)
        {
            _byCanonical.TryAdd(AtRiskIdentifiers.Canonical(kind, value, country), category);
        }
    }

    public int Count => _byCanonical.Count;

    public IReadOnlyList<AtRiskMatch> Match(IReadOnlyList<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        List<AtRiskMatch>? matches = null;
        for (var i = 0; i < targets.Count; i++)
        {
            foreach (var form in AtRiskIdentifiers.FormsOf(targets[i], null))
            {
                if (_byCanonical.TryGetValue(form, out var category))
                {
                    (matches ??= []).Add(new AtRiskMatch(i, category));
                    break;
                }
            }
        }

        return matches ?? (IReadOnlyList<AtRiskMatch>)[];
    }
}

/// <summary>Matches already found in the stored registry, handed to the assessor.</summary>
public sealed class AtRiskMatches(IReadOnlyList<AtRiskMatch> matches) : IAtRiskRegistry
{
    public IReadOnlyList<AtRiskMatch> Match(IReadOnlyList<Target> targets) => matches;
}
