using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// A restriction resting on one state's law is applied in that state only, at the least severe rung of the ladder
/// that meets the order; political speech is flagged, and claims of incitement are held to the Rabat test.
/// </summary>
internal sealed partial class RestrictionScopeCheck : IAssessmentCheck
{
    private static readonly (string Factor, Regex Signal)[] RabatFactors =
    [
        ("context", new Regex(@"\bcontext|climate|tension|conflict", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ("speaker", new Regex(@"\bspeaker|author|position|influence|standing", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ("intent", new Regex(@"\bintent|intention|deliberate|purpose", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ("content and form", new Regex(@"\bcontent|wording|form|style|call(s|ed)? (for|to)", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ("extent", new Regex(@"\breach|audience|followers|shared|views|extent|public", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        ("likelihood and imminence", new Regex(@"\blikel|imminen|risk|probab", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
    ];

    public string Id => "restrictionScope";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        if (d.Kind is not (DemandKind.ContentRestriction or DemandKind.AccountRestriction) || d.Restriction is null)
        {
            return;
        }

        var local = c.AuthorityCountry;
        c.AllowedTerritories.Add(local);
        var requested = d.Restriction.Territories;
        if (requested.Count == 1 && requested[0] == local)
        {
            c.Pass(Id, FindingCodes.RestrictionScopeLocal, $"The restriction is asked for in {c.Profile.Name} only, where the law cited applies.", Standards.Gni + "; " + Standards.Dsa9);
        }
        else
        {
            var asked = d.Restriction.IsGlobal ? "everywhere" : string.Join(", ", requested);
            c.Concern(Id, FindingCodes.RestrictionScopeAppliedLocally, $"The demand asks for restriction {asked}, but it rests on the law of {c.Profile.Name}; it is applied in {local} only and the content stays available elsewhere.", Standards.Gni + "; " + Standards.Dsa9 + "; " + Standards.Manila,
                ("country", c.Profile.Name), ("local", local), ("requested", string.Join(",", requested)));
        }

        switch (d.Restriction.Action)
        {
            case RestrictionAction.Remove:
                c.Concern(Id, FindingCodes.RestrictionScopeRemoval, $"Global removal is the most severe measure; the ladder's answer to a local-law demand is to withhold the content in {local} (geo-restriction).", Standards.SantaClara + "; " + Standards.Iccpr19, ("local", local));
                break;
            case RestrictionAction.Suspend:
                c.Concern(Id, FindingCodes.RestrictionScopeSuspension, $"Suspending the whole account silences all of the person's speech; restrict the specific content in {local} unless the order names the account itself as unlawful.", Standards.SantaClara + "; " + Standards.Iccpr19, ("local", local));
                break;
        }

        var text = c.JustificationText;
        if (PoliticalSpeech().IsMatch(text))
        {
            c.Concern(Id, FindingCodes.RestrictionScopePoliticalSpeech, "The reasons point to political speech, reporting or criticism of officials, which receive the highest protection.", Standards.Iccpr19);
            c.Escalate("the restriction may target protected political speech");
        }

        if (Incitement().IsMatch(text))
        {
            CheckRabat(c, d);
        }
    }

    private void CheckRabat(AssessmentContext c, Demand d)
    {
        var reasons = d.StatementOfReasons ?? "";
        var missing = RabatFactors.Where(f => !f.Signal.IsMatch(reasons)).Select(f => f.Factor).ToList();
        var judicial = d.LegalProcess is LegalProcess.CourtOrder;
        if (missing.Count == 0)
        {
            c.Pass(Id, FindingCodes.RestrictionScopeRabatMet, "Incitement is claimed and the reasons address all six parts of the Rabat test.", Standards.Rabat);
        }
        else if (judicial)
        {
            c.Pass(Id, FindingCodes.RestrictionScopeRabatByCourt, $"Incitement is claimed and a court has ordered the restriction; the reviewer confirms the judgment weighs the Rabat factors not visible in the summary ({string.Join(", ", missing)}).", Standards.Rabat);
        }
        else
        {
            c.Concern(Id, FindingCodes.RestrictionScopeRabatMissing, $"Incitement is claimed, but the reasons do not address these parts of the Rabat six-part test: {string.Join(", ", missing)}. All six must be met before speech is restricted as incitement.", Standards.Rabat,
                ("factors", string.Join(",", missing.Select(RabatKey))));
        }
    }

    /// <summary>"content and form" → "contentAndForm": the key letters translate the factor's name by.</summary>
    private static string RabatKey(string factor)
    {
        var words = factor.Split(' ');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    [GeneratedRegex(@"\b(politic\w*|election\w*|protest\w*|journalis\w*|report(ing|er|s)?|critici\w*|opposition|government|president\w*|minister|satir\w*|activis\w*|dissent\w*|demonstrat\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoliticalSpeech();

    [GeneratedRegex(@"\b(incit\w*|hate speech|hatred|volksverhetzung)\b|§\s?130", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Incitement();
}
