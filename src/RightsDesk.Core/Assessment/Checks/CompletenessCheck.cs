using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>The elements every demand must carry before it can be acted on (GNI), and the DSA Art. 9/10 elements.</summary>
internal sealed class CompletenessCheck : IAssessmentCheck
{
    public string Id => "completeness";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        var before = c.Findings.Count;

        if (!d.Document.Written)
        {
            if (d.Emergency)
            {
                c.Concern(Id, FindingCodes.CompletenessEmergencyNotWritten, "The emergency demand was not made in writing; written confirmation must follow before anything beyond the emergency scope is disclosed.", Standards.Gni);
            }
            else
            {
                c.Fail(Id, FindingCodes.CompletenessNotWritten, "The demand is not in writing. A demand must be written and name its legal basis, issuing authority and authorising official before it is acted on.", Standards.Gni);
                c.Require(Recommendation.RequestClarification, "the demand must be put in writing");
            }
        }

        if (d.LegalBasis is null && d.LegalProcess is not LegalProcess.Informal and not LegalProcess.None)
        {
            c.Fail(Id, FindingCodes.CompletenessMissingLegalBasis, "No legal basis is cited. Ask the authority to state the law that empowers it to make this demand.", Standards.Gni);
            c.Require(Recommendation.RequestClarification, "the legal basis is missing");
        }

        if (d.Authority.Officer is null)
        {
            c.Concern(Id, FindingCodes.CompletenessOfficerNotNamed, "The authorising official is not named.", Standards.Gni);
        }

        if (d.Authority.Reference is null)
        {
            c.Concern(Id, FindingCodes.CompletenessNoReference, "The demand carries no case or reference number, which makes it harder to verify and to contest.", "Validity checklist (Kodex, Meta LEORS)");
        }

        if (d.LegalProcess is LegalProcess.DsaOrder)
        {
            CheckDsaElements(c, d);
        }
        else if (d.StatementOfReasons is null && d.Kind is not DemandKind.Preservation)
        {
            c.Concern(Id, FindingCodes.CompletenessNoReasons, "The authority gives no reasons; without them necessity and proportionality cannot be weighed.", Standards.Manila);
        }

        if (d.Kind is DemandKind.UserData && d.DateRange is null && d.DataCategories.Any(x => x is not DataCategory.SubscriberInfo))
        {
            c.Concern(Id, FindingCodes.CompletenessNoDateRange, "No date range is given for records beyond subscriber information; ask the authority to limit the period.", Standards.Gni);
        }

        if (d.NonDisclosure is { Required: true, Basis: null })
        {
            c.Concern(Id, FindingCodes.CompletenessGagWithoutBasis, "A non-disclosure order is claimed without stating its legal basis; it will be held for review, not simply obeyed.", "RDR P12.3");
        }

        if (c.Findings.Count == before)
        {
            c.Pass(Id, FindingCodes.CompletenessComplete, "The demand is written and names its legal basis, the issuing authority, the authorising official, its reference and its reasons.", Standards.Gni);
        }
    }

    private void CheckDsaElements(AssessmentContext c, Demand d)
    {
        var article = d.Kind is DemandKind.UserData ? Standards.Dsa10 : Standards.Dsa9;
        var missing = new List<(string Code, string Text)>();
        var foundInText = new List<string>();
        void Element(string? where, string name, string code, string missingText, string structured)
        {
            if (where is null)
            {
                missing.Add((code, missingText));
            }
            else if (where != structured)
            {
                foundInText.Add($"{name} in {where}");
            }
        }

        Element(DsaOrderElements.Reasons(d), "the statement of reasons", FindingCodes.DsaMissingReasons, d.Kind is DemandKind.UserData
            ? "a statement of reasons explaining the objective, necessity and proportionality"
            : "a statement of reasons explaining why the content is illegal", "the statement of reasons");
        Element(DsaOrderElements.Redress(d), "the redress information", FindingCodes.DsaMissingRedress, "information about the redress available to the provider and to the user", "the redress information");
        Element(DsaOrderElements.EffectReport(d), "where to report the effect", FindingCodes.DsaMissingEffectReport, "where the provider should report the effect given to the order", "the authority's contact address");

        if (d.Kind is DemandKind.ContentRestriction && !d.Targets.Any(t => t.Type is TargetType.Url or TargetType.Content))
        {
            missing.Add((FindingCodes.DsaMissingIdentifiers, "the exact URLs or content identifiers concerned"));
        }

        if (d.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction && d.Restriction is null)
        {
            missing.Add((FindingCodes.DsaMissingTerritorialScope, "the territorial scope of the order"));
        }

        // One finding per missing element, so the authority's letter lists each thing to supply on its own line.
        var articleNumber = d.Kind is DemandKind.UserData ? "10" : "9";
        foreach (var (code, text) in missing)
        {
            c.Fail(Id, code, "The DSA order lacks an element the regulation requires: " + text + ".", article, ("article", articleNumber));
        }

        if (missing.Count > 0)
        {
            c.Require(Recommendation.RequestClarification, "the DSA order is incomplete");
        }
        else
        {
            var where = foundInText.Count == 0 ? "" : " (" + string.Join("; ", foundInText) + ")";
            c.Pass(Id, FindingCodes.DsaComplete, "The DSA order carries its legal basis, statement of reasons, issuing authority, identifiers and redress information" + where + ".", article, ("article", articleNumber));
        }
    }
}
