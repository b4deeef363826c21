using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Emergency requests bypass legal process, so they must state an imminent risk of death or serious physical
/// injury, stay within the emergency scope, and be followed by legal process.
/// </summary>
internal sealed partial class EmergencyCheck : IAssessmentCheck
{
    public string Id => "emergency";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        if (!d.Emergency && d.LegalProcess is not LegalProcess.EmergencyRequest)
        {
            return;
        }

        var rules = c.Profile.Emergency;
        if (!rules.Allowed)
        {
            c.Fail(Id, FindingCodes.EmergencyNoPath, $"{c.Profile.Name} law provides no emergency disclosure path that the policy recognises; ordinary legal process is needed.", rules.Source ?? Standards.Gni, ("country", c.Profile.Name));
            c.Require(Recommendation.RequestClarification, "no emergency path");
            return;
        }

        var statement = d.EmergencyJustification ?? d.StatementOfReasons;
        if (statement is null || !ImminentHarm().IsMatch(statement))
        {
            c.Fail(Id, FindingCodes.EmergencyHarmNotStated, "An emergency is claimed but no imminent risk of death or serious physical injury is stated. Ask the authority to describe the danger before anything is disclosed.", "Meta and Google emergency disclosure policies; " + (rules.Source ?? Standards.Gni));
            c.Require(Recommendation.RequestClarification, "the emergency is not substantiated");
        }
        else
        {
            c.Pass(Id, FindingCodes.EmergencyHarmStated, "The authority states an imminent risk of death or serious physical injury.", rules.Source ?? Standards.Gni);
        }

        if (d.LegalProcess is LegalProcess.EmergencyRequest)
        {
            var outside = d.DataCategories.Where(x => !rules.Categories.Contains(x)).ToList();
            foreach (var category in outside)
            {
                c.Disallow(category, RemovalCause.Emergency);
            }

            if (outside.Count > 0)
            {
                c.Concern(Id, FindingCodes.EmergencyOutsideScope, $"Only {c.Say(rules.Categories)} may be disclosed in an emergency; {c.Say(outside)} need ordinary legal process.", rules.Source ?? Standards.Gni,
                    ("allowed", AssessmentContext.Names(rules.Categories)), ("categories", AssessmentContext.Names(outside)));
            }

            var due = c.On.AddDays(rules.FollowUpProcessDays);
            c.FollowUpProcessDue = due;
            c.Concern(Id, FindingCodes.EmergencyFollowUpDue, $"Follow-up legal process is due by {due:yyyy-MM-dd}; if none arrives, record it against the requester.", rules.Source ?? Standards.Gni,
                ("due", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [GeneratedRegex(@"\b(death|die|dying|kill|killed|killing|murder|suicid\w*|self-harm|life-threatening|imminent|injur\w*|bodily harm|kidnap\w*|abduct\w*|hostage|bomb|shoot\w*|overdose|missing child|danger to life)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImminentHarm();
}
