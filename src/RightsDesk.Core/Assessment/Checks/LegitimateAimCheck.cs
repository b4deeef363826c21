using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Does the demand serve a legitimate aim, or does it rest on a law used to punish peaceful expression?
/// Recognised from the cited law and offence against the shipped catalogue.
/// </summary>
internal sealed class LegitimateAimCheck : IAssessmentCheck
{
    public const double FailWeight = 0.7;
    public const double ConcernWeight = 0.4;

    public string Id => "legitimateAim";

    public void Run(AssessmentContext c)
    {
        var text = c.JustificationText;
        if (text.Length == 0)
        {
            c.Concern(Id, FindingCodes.LegitimateAimNothingNamed, "Neither a law nor an offence is named, so the aim of the demand cannot be judged.", Standards.Iccpr19);
            return;
        }

        OffenceEntry? worst = null;
        foreach (var o in c.Policy.Offences)
        {
            if (o.Countries.Count > 0 && !o.Countries.Contains(c.AuthorityCountry, StringComparer.Ordinal))
            {
                continue;
            }

            if ((worst is null || o.Weight > worst.Weight) && Matches(o, text))
            {
                worst = o;
            }
        }

        if (worst is null || worst.Weight < ConcernWeight)
        {
            c.Pass(Id, FindingCodes.LegitimateAimNotListed, "The cited law and offence are not among the laws commonly used against peaceful expression.", Standards.Iccpr19);
            return;
        }

        var reason = $"The demand rests on {worst.Name}: {worst.Why}";
        var standard = Standards.Iccpr19 + (worst.Sources.Count > 0 ? "; " + worst.Sources[0] : "");
        if (worst.Weight >= FailWeight)
        {
            c.Fail(Id, FindingCodes.LegitimateAimExpressionLaw, reason, standard, ("law", worst.Name));
            c.Escalate($"the demand rests on {worst.Name}");
            var restriction = c.Demand.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction or DemandKind.NetworkDisruption;
            c.Require(restriction ? Recommendation.Challenge : Recommendation.Reject,
                restriction ? "the restriction serves no legitimate aim and should be contested" : "user data would serve a prosecution for expression");
        }
        else
        {
            c.Concern(Id, FindingCodes.LegitimateAimQuestionableLaw, reason + " Check that the facts alleged are not protected expression.", standard, ("law", worst.Name));
            c.Escalate($"the demand cites {worst.Name}");
        }
    }

    private static bool Matches(OffenceEntry o, string text)
    {
        try
        {
            return o.Matcher.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A pattern that runs away is treated as a match: the safe side is a human look, not silence.
            return true;
        }
    }
}
