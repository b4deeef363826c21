using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Necessity and proportionality: how many people, how long a period, how sensitive the data. Demands that pick
/// people by what they said or where they were (keyword, hashtag, location) are not individualised and fail.
/// </summary>
internal sealed class ProportionalityCheck : IAssessmentCheck
{
    private static readonly DataCategory[] Sensitive =
        [DataCategory.Content, DataCategory.Location, DataCategory.TrafficMetadata, DataCategory.Contacts, DataCategory.RealTime];

    public string Id => "proportionality";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        if (d.Kind is DemandKind.NetworkDisruption)
        {
            return;
        }

        var rules = c.Policy.Operator.Proportionality;
        var before = c.Findings.Count;

        var dragnet = new List<TargetType>();
        for (var i = 0; i < d.Targets.Count; i++)
        {
            if (!d.Targets[i].IsIndividualised)
            {
                c.ExcludeTarget(i);
                dragnet.Add(d.Targets[i].Type);
            }
        }

        if (dragnet.Count > 0)
        {
            var all = dragnet.Count == d.Targets.Count;
            c.Fail(Id, all ? FindingCodes.ProportionalityNotIndividualised : FindingCodes.ProportionalityPartlyNotIndividualised, $"{(all ? "The demand" : "Part of the demand")} selects people by {c.Say(dragnet.Distinct())} rather than naming who is suspected; such bulk demands are not individualised and are refused.", Standards.Iccpr17 + "; " + Standards.RdrP10,
                ("selectors", AssessmentContext.Names(dragnet.Distinct())), ("count", dragnet.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (all)
            {
                c.Require(Recommendation.Reject, "the demand is not individualised");
            }
        }

        var individual = d.Targets.Count - dragnet.Count;
        if (individual > rules.TargetsFail)
        {
            c.Fail(Id, FindingCodes.ProportionalityTooManyTargets, $"The demand names {individual} targets; a demand about this many people cannot be necessary and proportionate for one investigation.", Standards.Iccpr17, ("count", individual.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            c.Require(Recommendation.Reject, "too many targets");
        }
        else if (individual > rules.TargetsConcern)
        {
            c.Concern(Id, FindingCodes.ProportionalityManyTargets, $"The demand names {individual} targets; confirm each is connected to the alleged offence.", Standards.Iccpr17, ("count", individual.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (d.DateRange is { } range && d.Kind is DemandKind.UserData or DemandKind.Preservation)
        {
            if (range.Days > rules.DateRangeDaysFail)
            {
                c.Fail(Id, FindingCodes.ProportionalityDateRangeOverbroad, $"The demand covers {range.Days} days of records; ask the authority to narrow it to the period the offence concerns.", Standards.Iccpr17 + "; " + Standards.Gni, ("days", range.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                c.Require(Recommendation.RequestClarification, "the date range is overbroad");
            }
            else if (range.Days > rules.DateRangeDaysConcern)
            {
                c.Concern(Id, FindingCodes.ProportionalityDateRangeLong, $"The demand covers {range.Days} days of records, more than {rules.DateRangeDaysConcern}; disclose only what falls within the period justified.", Standards.Iccpr17,
                    ("days", range.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", rules.DateRangeDaysConcern.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        if (d.Kind is DemandKind.UserData)
        {
            CheckSensitive(c, d);
        }

        if (c.Findings.Count == before)
        {
            c.Pass(Id, FindingCodes.ProportionalityProportionate, "The demand is individualised, limited in time and no broader than its stated purpose.", Standards.Iccpr17);
        }
    }

    private void CheckSensitive(AssessmentContext c, Demand d)
    {
        var judicial = d.LegalProcess is LegalProcess.SearchWarrant or LegalProcess.WiretapOrder or LegalProcess.CourtOrder or LegalProcess.Mlat;
        if (judicial || d.StatementOfReasons is not null || d.LegalProcess is LegalProcess.EmergencyRequest)
        {
            return;
        }

        var unjustified = d.DataCategories.Where(x => Sensitive.Contains(x) && c.IsAllowed(x)).ToList();
        if (unjustified.Count == 0)
        {
            return;
        }

        foreach (var category in unjustified)
        {
            c.Disallow(category, RemovalCause.Proportionality);
        }

        c.Concern(Id, FindingCodes.ProportionalitySensitiveWithheld, $"Sensitive data ({c.Say(unjustified)}) is asked for without judicial authorisation or stated reasons; metadata can reveal a person's location and associates, so it is withheld.", Standards.Iccpr17 + "; ARTICLE 19 on metadata (2020)",
            ("categories", AssessmentContext.Names(unjustified)));
    }
}
