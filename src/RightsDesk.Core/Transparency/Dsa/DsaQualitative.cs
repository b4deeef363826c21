using System.Globalization;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// The qualitative texts RightsDesk can state from its own policy (sheet 11). Only the safeguards are RightsDesk's to
/// describe: what the platform's classifiers are and how accurate they are, it does not know, and those indicators
/// are left for the operator.
/// </summary>
public static class DsaQualitative
{
    public const string Safeguards = "Safeguards applied to the use of automated means";

    public static IReadOnlyDictionary<string, string> From(PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (policy.Moderation is { } m)
        {
            var exempt = m.AutomatedAccountMeasureExempt.Count == 0 ? "none" : string.Join(", ", m.AutomatedAccountMeasureExempt);
            texts[Safeguards] = string.Create(CultureInfo.InvariantCulture,
                $"Every decision is placed on a proportionality ladder (label, demote, restrict interaction, age-restrict, geo-restrict, remove, suspend, terminate) and one more restrictive than its category's default is flagged for a person to look at again. A fully automated account suspension or termination is held for a person, except in these categories: {exempt}. A measure without an end date is reviewed after {m.IndefiniteReviewDays} days. Every decision can be appealed for {m.AppealDays} days; the appeal is decided by a person who took no part in the decision, within {m.AppealReviewDays} days.");
        }

        return texts;
    }
}
