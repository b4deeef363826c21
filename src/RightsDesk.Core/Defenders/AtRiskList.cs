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

    /// <summary>Identifiers compare case-insensitively and without a leading @, as users type handles both ways.</summary>
    public static string Normalise(string id)
    {
        var s = id.Trim().ToLowerInvariant();
        return s.StartsWith('@') ? s[1..] : s;
    }
}

/// <summary>An in-memory registry, for offline assessment (`rightsdesk assess --at-risk FILE`) and tests.</summary>
public sealed class AtRiskList(IEnumerable<(string Id, string Category)> entries) : IAtRiskRegistry
{
    private readonly Dictionary<string, string> _byId = entries
        .GroupBy(e => AtRiskCategories.Normalise(e.Id))
        .ToDictionary(g => g.Key, g => g.First().Category, StringComparer.Ordinal);

    public int Count => _byId.Count;

    public IReadOnlyList<AtRiskMatch> Match(IReadOnlyList<Target> targets)
    {
        List<AtRiskMatch>? matches = null;
        for (var i = 0; i < targets.Count; i++)
        {
            if (_byId.TryGetValue(AtRiskCategories.Normalise(targets[i].Id), out var category))
            {
                (matches ??= []).Add(new AtRiskMatch(i, category));
            }
        }

        return matches ?? (IReadOnlyList<AtRiskMatch>)[];
    }
}
