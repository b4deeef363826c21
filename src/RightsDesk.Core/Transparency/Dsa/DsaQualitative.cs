using System.Globalization;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// The qualitative texts RightsDesk can state from its own policy and record (sheet 11): the safeguards, and the one
/// indicator of a possible rate of error it can observe, how often decisions taken by automated means alone were
/// reversed when a person looked at them on appeal. What the platform's classifiers are, and their precision and
/// recall, it does not know; those texts are left for the operator.
/// </summary>
public static class DsaQualitative
{
    public const string Safeguards = "Safeguards applied to the use of automated means";

    public const string Accuracy = "Qualitative description of indicators of accuracy and possible rate of error of automated means";

    public static IReadOnlyDictionary<string, string> From(PolicySet policy) => From(policy, [], []);

    public static IReadOnlyDictionary<string, string> From(PolicySet policy, IReadOnlyCollection<DsaMeasure> measures, IReadOnlyCollection<DsaComplaint> complaints)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(complaints);
        ArgumentNullException.ThrowIfNull(policy);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (policy.Moderation is { } m)
        {
            var exempt = m.AutomatedAccountMeasureExempt.Count == 0 ? "none" : string.Join(", ", m.AutomatedAccountMeasureExempt);
            texts[Safeguards] = string.Create(CultureInfo.InvariantCulture,
                $"Every decision is placed on a proportionality ladder (label, demote, restrict interaction, age-restrict, geo-restrict, remove, suspend, terminate) and one more restrictive than its category's default is flagged for a person to look at again. A fully automated account suspension or termination is held for a person, except in these categories: {exempt}. A measure without an end date is reviewed after {m.IndefiniteReviewDays} days. Every decision can be appealed for {m.AppealDays} days; the appeal is decided by a person who took no part in the decision, within {m.AppealReviewDays} days.");
        }

        if (measures.Count > 0)
        {
            texts[Accuracy] = ErrorRate(measures, complaints);
        }

        return texts;
    }

    /// <summary>
    /// The observable proxy for a rate of error: among decisions taken by automated means alone, the share appealed
    /// and the share a person reversed in whole or in part, beside the same for decisions a person took. It counts only
    /// errors someone contested, so it is a floor, and the text says so.
    /// </summary>
    public static string ErrorRate(IReadOnlyCollection<DsaMeasure> measures, IReadOnlyCollection<DsaComplaint> complaints)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(complaints);
        var automated = measures.Count(m => m.DecidedAutomatically);
        var human = measures.Count - automated;
        var (aAppealed, aReversed, aPending) = Appeals(complaints.Where(c => c.Decision.DecidedAutomatically).ToList());
        var (hAppealed, hReversed, hPending) = Appeals(complaints.Where(c => !c.Decision.DecidedAutomatically).ToList());
        return string.Create(CultureInfo.InvariantCulture,
            $"Measured from appeals (Art. 20) against decisions of the period. Decisions taken solely by automated means: {automated}; appealed: {aAppealed}; reversed in whole or in part by a person: {aReversed} ({Share(aReversed, automated)} of those decisions, {Share(aReversed, aAppealed - aPending)} of the appeals decided); appeals still pending: {aPending}. Decisions taken by a person: {human}; appealed: {hAppealed}; reversed in whole or in part: {hReversed} ({Share(hReversed, human)}, {Share(hReversed, hAppealed - hPending)} of the appeals decided); pending: {hPending}. This counts only the errors someone contested, so the true rate of error can only be higher; precision and recall of the platform's classifiers need its own evaluation, which RightsDesk does not receive.");
    }

    private static (int Appealed, int Reversed, int Pending) Appeals(List<DsaComplaint> complaints) => (
        complaints.Count,
        complaints.Count(c => c.Outcome is DsaComplaintOutcome.Reversed or DsaComplaintOutcome.PartiallyReversed),
        complaints.Count(c => c.Outcome == DsaComplaintOutcome.Pending));

    private static string Share(int part, int whole) =>
        whole <= 0 ? "no base" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
