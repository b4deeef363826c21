using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Cli.Commands;

/// <summary>The assessment as a reader at a terminal wants it: the answer first, then the reasons.</summary>
internal static class AssessmentText
{
    public static void Write(TextWriter o, Demand demand, AssessmentResult r)
    {
        o.WriteLine($"Demand:          {JsonNames.Of(demand.Kind)} from {demand.Authority.Name} ({demand.Authority.Country}), {JsonNames.Of(demand.LegalProcess)}{(demand.Emergency ? ", EMERGENCY" : "")}");
        o.WriteLine($"Recommendation:  {JsonNames.Of(r.Recommendation)}");
        o.WriteLine($"                 {r.RecommendationReason}");
        if (r.AllowedDataCategories.Count > 0)
        {
            o.WriteLine($"May disclose:    {string.Join(", ", r.AllowedDataCategories.Select(JsonNames.Of))}");
        }

        if (r.AllowedTerritories.Count > 0)
        {
            o.WriteLine($"Restrict in:     {string.Join(", ", r.AllowedTerritories)}");
        }

        if (r.Preservation is { } p)
        {
            o.WriteLine($"Preserve:        {string.Join(", ", p.Categories.Select(JsonNames.Of))} for {p.Days} days");
        }

        o.WriteLine($"Escalation:      {(r.Escalation.Required ? $"to {r.Escalation.To}: {r.Escalation.Reason}" : "none")}");
        o.WriteLine($"Approvals:       {r.RequiredApprovals} distinct approver(s) for any disclosure or restriction");
        o.WriteLine($"User notice:     {JsonNames.Of(r.UserNotice.Plan)}{(r.UserNotice.Earliest is { } e ? $" from {e:yyyy-MM-dd}" : "")}{(r.UserNotice.ReviewAt is { } v ? $", review {v:yyyy-MM-dd}" : "")}");
        o.WriteLine($"                 {r.UserNotice.Reason}");
        if (r.FollowUpProcessDue is { } due)
        {
            o.WriteLine($"Follow-up due:   {due:yyyy-MM-dd}");
        }

        o.WriteLine($"Policy version:  {r.PolicyVersion}");
        o.WriteLine();
        o.WriteLine("Findings:");
        foreach (var f in r.Findings)
        {
            var mark = f.Outcome switch { FindingOutcome.Pass => "pass   ", FindingOutcome.Concern => "CONCERN", _ => "FAIL   " };
            o.WriteLine($"  [{mark}] {f.Check}: {f.Reason}");
            o.WriteLine($"            ({f.Standard})");
        }
    }
}
