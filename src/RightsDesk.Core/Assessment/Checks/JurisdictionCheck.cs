using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Competence: a foreign authority asking for data held under another state's law goes through mutual legal
/// assistance (or an executive agreement), where that law says so.
/// </summary>
internal sealed class JurisdictionCheck : IAssessmentCheck
{
    public string Id => "jurisdiction";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        if (!d.RequestsData || d.Kind is DemandKind.Preservation)
        {
            return;
        }

        var op = c.Policy.Operator;
        if (op.DataHeldIn.Contains(c.AuthorityCountry, StringComparer.Ordinal))
        {
            c.Pass(Id, FindingCodes.JurisdictionDataHeldLocally, $"The data is held in {c.Profile.Name}, the authority's own jurisdiction.", Standards.Gni);
            return;
        }

        if (d.LegalProcess is LegalProcess.Mlat)
        {
            c.Pass(Id, FindingCodes.JurisdictionViaMlat, "The demand arrived through mutual legal assistance, so the state where the data is held has reviewed it.", Standards.Gni);
            return;
        }

        var rules = c.Home.ForeignAuthorities;
        if (rules is null)
        {
            c.Pass(Id, FindingCodes.JurisdictionNoBlockingRule, $"{c.Home.Name} law sets no blocking rule for disclosures to foreign authorities.", Standards.Gni);
            return;
        }

        if (rules.ExecutiveAgreements.Contains(c.AuthorityCountry, StringComparer.Ordinal))
        {
            c.Pass(Id, FindingCodes.JurisdictionExecutiveAgreement, $"{c.Profile.Name} has an executive agreement with {c.Home.Name} that allows direct requests.", rules.Source ?? Standards.Gni);
            return;
        }

        var blocked = d.DataCategories.Where(rules.MlatOnlyCategories.Contains).ToList();
        if (blocked.Count == 0)
        {
            c.Pass(Id, FindingCodes.JurisdictionDirectAllowed, $"The categories asked for may be disclosed to a foreign authority directly under {c.Home.Name} law, if its own law is satisfied.", rules.Source ?? Standards.Gni);
            return;
        }

        foreach (var category in blocked)
        {
            c.Disallow(category, RemovalCause.RequiresMlat);
        }

        c.Concern(Id, FindingCodes.JurisdictionRequiresMlat, $"An authority of {c.Profile.Name} asks directly for {c.Say(blocked)} held in {string.Join(", ", op.DataHeldIn)}; {c.Home.Name} law allows this only through mutual legal assistance.", rules.Source ?? Standards.Gni,
            ("categories", AssessmentContext.Names(blocked)), ("heldIn", c.Home.Name), ("law", rules.Source ?? c.Home.Name));
    }
}
