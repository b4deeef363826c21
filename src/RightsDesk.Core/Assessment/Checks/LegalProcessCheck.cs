using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Does the legal process suffice, under the authority's own law, for each category of data asked for?
/// A subpoena is not a warrant: a category the process cannot reach is taken out of what may be disclosed.
/// </summary>
internal sealed class LegalProcessCheck : IAssessmentCheck
{
    public string Id => "legalProcess";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        var process = d.LegalProcess;

        if (d.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction)
        {
            CheckRestriction(c, process);
            return;
        }

        if (d.Kind is DemandKind.Preservation)
        {
            c.Pass(Id, FindingCodes.LegalProcessPreservation, "A preservation request freezes records pending legal process; nothing is disclosed on it.", "18 U.S.C. § 2703(f); Budapest Convention Art. 16");
            return;
        }

        if (d.Kind is DemandKind.NetworkDisruption || process is LegalProcess.EmergencyRequest)
        {
            return; // judged by their own checks
        }

        if (process is LegalProcess.Informal or LegalProcess.None)
        {
            foreach (var category in d.DataCategories)
            {
                c.Disallow(category, RemovalCause.InsufficientProcess);
            }

            c.Fail(Id, FindingCodes.LegalProcessNone, "The request rests on no legal process. User data is handed over only when the law requires it.", Standards.GniPrinciples);
            return;
        }

        var insufficient = new List<string>();
        var reached = new List<DataCategory>();
        foreach (var category in d.DataCategories)
        {
            var enough = c.Profile.SufficientProcess.TryGetValue(category, out var list) && list.Contains(process);
            if (!enough)
            {
                c.Disallow(category, RemovalCause.InsufficientProcess);
                var needed = list is { Count: > 0 } ? c.Say(list) : "no legal process the policy recognises";
                insufficient.Add($"{c.Words.Of(category)} needs {needed}");
                reached.Add(category);
            }
        }

        var processName = JsonNames.Of(process);
        var processWords = c.Words.Of(process);
        if (insufficient.Count == 0)
        {
            c.Pass(Id, FindingCodes.LegalProcessSufficient, $"Under the law of {c.Profile.Name} a {processWords} suffices for every category asked for.", Standards.Gni,
                ("country", c.Profile.Name), ("process", processName));
        }
        else if (insufficient.Count == d.DataCategories.Count)
        {
            c.Fail(Id, FindingCodes.LegalProcessInsufficientForAll, $"Under the law of {c.Profile.Name} a {processWords} does not suffice for anything asked for: {string.Join("; ", insufficient)}.", Standards.Gni + "; " + Standards.RdrP10, Facts(c, process, reached));
        }
        else
        {
            c.Concern(Id, FindingCodes.LegalProcessInsufficientForSome, $"Under the law of {c.Profile.Name} a {processWords} does not reach everything asked for, so the disclosure is narrowed: {string.Join("; ", insufficient)}.", Standards.Gni + "; " + Standards.RdrP10, Facts(c, process, reached));
        }
    }

    private void CheckRestriction(AssessmentContext c, LegalProcess process)
    {
        if (process is LegalProcess.Informal or LegalProcess.None)
        {
            c.Fail(Id, FindingCodes.LegalProcessInformalRestriction, "An informal government request is not a legal order. It may be reviewed against the platform's own rules like any other flag, but it is not complied with as a demand, and it is counted as state involvement.", Standards.SantaClara);
            c.Require(Recommendation.Reject, "informal government requests are not legal orders");
            return;
        }

        if (c.Profile.RestrictionProcess.Contains(process))
        {
            c.Pass(Id, FindingCodes.LegalProcessRestrictionSufficient, $"A {c.Words.Of(process)} is a process on which a restriction can rest under the law of {c.Profile.Name}.", Standards.Gni);
        }
        else
        {
            c.Concern(Id, FindingCodes.LegalProcessRestrictionInsufficient, $"A {c.Words.Of(process)} is not a process on which {c.Profile.Name} law rests restrictions (expected: {c.Say(c.Profile.RestrictionProcess)}); ask for the proper order.", Standards.Gni,
                ("process", JsonNames.Of(process)), ("country", c.Profile.Name), ("needed", AssessmentContext.Names(c.Profile.RestrictionProcess)));
            c.Require(Recommendation.RequestClarification, "the restriction does not rest on a sufficient order");
        }
    }

    private static (string, string)[] Facts(AssessmentContext c, LegalProcess process, List<DataCategory> categories) =>
        [("country", c.Profile.Name), ("process", JsonNames.Of(process)), ("categories", AssessmentContext.Names(categories))];
}
