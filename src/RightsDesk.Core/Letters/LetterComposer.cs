using System.Globalization;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// Writes the response letter to the authority from policy/templates/letters/{language}/{kind}.md. The template
/// decides the wording; this class decides what the template may say, through <see cref="Values"/>.
/// </summary>
public static class LetterComposer
{
    /// <summary>The template file name of each kind, e.g. "route-via-mlat".</summary>
    public static string FileName(LetterKind kind) => kind switch
    {
        LetterKind.Comply => "comply",
        LetterKind.Partial => "partial",
        LetterKind.Clarification => "clarification",
        LetterKind.Rejection => "rejection",
        LetterKind.Challenge => "challenge",
        LetterKind.Preservation => "preservation",
        LetterKind.RouteViaMlat => "route-via-mlat",
        LetterKind.VerificationRequest => "verification-request",
        LetterKind.Acknowledgement => "acknowledgement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string TemplatePath(LetterKind kind, string language) => $"letters/{language}/{FileName(kind)}.md";

    /// <summary>
    /// The letter that answers a decision. A disclosure of fewer categories than were asked for is a partial
    /// compliance and says what was withheld and why; a "disclosure" of nothing is a refusal.
    /// </summary>
    public static LetterKind KindFor(Recommendation decision, int requestedCategories, int allowedCategories) => decision switch
    {
        Recommendation.Disclose or Recommendation.DiscloseNarrowed when requestedCategories > 0 && allowedCategories == 0 => LetterKind.Rejection,
        Recommendation.Disclose when allowedCategories < requestedCategories => LetterKind.Partial,
        Recommendation.Disclose => LetterKind.Comply,
        Recommendation.DiscloseNarrowed => LetterKind.Partial,
        Recommendation.Preserve => LetterKind.Preservation,
        Recommendation.RestrictInJurisdiction => LetterKind.Comply,
        Recommendation.RequestClarification => LetterKind.Clarification,
        Recommendation.VerifyRequester => LetterKind.VerificationRequest,
        Recommendation.RouteViaMlat => LetterKind.RouteViaMlat,
        Recommendation.Challenge => LetterKind.Challenge,
        Recommendation.Reject => LetterKind.Rejection,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static LetterKind KindFor(LetterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return KindFor(model.Decision, model.RequestedCategories.Count, model.DisclosedCategories.Count);
    }

    /// <exception cref="TemplateException">when not even the English template exists, or a template is broken.</exception>
    public static RenderedLetter Compose(PolicySet policy, LetterKind kind, string language, LetterModel model)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        var (used, path, text) = Composition.Find(policy, language, l => TemplatePath(kind, l));
        var (subject, body) = Composition.Render(path, text, Values(model, Vocabulary.For(policy, used), quoted: false), Values(model, Vocabulary.For(policy, used)));
        return new RenderedLetter(used, kind, subject, body);
    }

    /// <summary>
    /// The placeholders a letter template may use. Every key is always present, null when unknown. The authority's
    /// own text is <paramref name="quoted"/> for the Markdown body (a reference such as "*urgent*" or a legal basis
    /// with "[1]" stays as written); the subject line is plain text and takes it as it is.
    /// </summary>
    internal static Dictionary<string, object?> Values(LetterModel m, Vocabulary words, bool quoted = true)
    {
        string? Quote(string? text) => quoted ? Markdown.Escape(text) : text;
        var say = words.Sentences;
        var notice = m.UserNotice?.Plan;
        var restriction = m.DemandKind is DemandKind.ContentRestriction or DemandKind.AccountRestriction;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["operatorName"] = m.OperatorName,
            ["operatorEmail"] = m.OperatorEmail,
            ["letterDate"] = Vocabulary.Date(m.LetterDate),
            ["authorityName"] = Quote(m.AuthorityName),
            ["officer"] = Quote(m.Officer),
            ["reference"] = Quote(m.Reference),
            ["country"] = m.Country,
            ["countryName"] = m.CountryName,
            ["receivedDate"] = Vocabulary.Date(m.ReceivedDate),
            ["deadline"] = Vocabulary.Date(m.Deadline),
            ["demandKind"] = words.Of(m.DemandKind),
            ["legalProcess"] = words.Of(m.LegalProcess),
            ["legalBasis"] = Quote(m.LegalBasis),
            ["offence"] = Quote(m.Offence),
            ["emergency"] = m.Emergency,
            ["decision"] = words.Of(m.Decision),

            ["isUserData"] = m.DemandKind is DemandKind.UserData,
            ["isRestriction"] = restriction,
            ["isPreservation"] = m.DemandKind is DemandKind.Preservation,
            ["isDisruption"] = m.DemandKind is DemandKind.NetworkDisruption,
            ["isDsaOrder"] = m.LegalProcess is LegalProcess.DsaOrder,
            ["dsaArticle"] = m.LegalProcess is LegalProcess.DsaOrder ? (restriction ? "9" : "10") : null,

            ["targets"] = m.TargetCount > 0 ? words.Targets(m.TargetCount) : null,
            ["targetCount"] = m.TargetCount.ToString(CultureInfo.InvariantCulture),
            ["excludedTargets"] = m.ExcludedTargetCount > 0 ? m.ExcludedTargetCount.ToString(CultureInfo.InvariantCulture) : null,

            ["requestedCategories"] = words.Of(m.RequestedCategories),
            ["disclosedCategories"] = words.Of(m.DisclosedCategories),
            ["withheld"] = m.Withheld.Select(w => Record(
                ("category", words.Of(w.Category)),
                ("sufficient", w.Sufficient.Count > 0 ? words.AnyOf(w.Sufficient) : null))).ToList(),
            // One finding often explains several categories; it is stated once, not once per category.
            ["withheldReasons"] = m.Withheld
                .Select(w => (Reason: w.Reason is { } r ? say.Say(r) : words["reason.generic"], Standard: w.Reason?.Standard ?? words["standard.generic"]))
                .Distinct()
                .Select(r => Record(("reason", r.Reason), ("standard", r.Standard)))
                .ToList(),
            ["processNeeded"] = m.Withheld.Where(w => w.Sufficient.Count > 0).Select(w => Record(
                ("category", words.Of(w.Category)),
                ("sufficient", words.AnyOf(w.Sufficient)))).ToList(),

            ["restrictionAction"] = m.RestrictionAction is { } a ? words.Of(a) : null,
            ["requestedTerritories"] = m.RequestedTerritories.Count > 0 ? words.Territories(m.RequestedTerritories) : null,
            ["restrictedTerritories"] = m.RestrictedTerritories.Count > 0 ? words.Territories(m.RestrictedTerritories) : null,
            ["restrictionNarrowed"] = m.RestrictedTerritories.Count > 0 && m.RequestedTerritories.Any(t => !m.RestrictedTerritories.Contains(t)),
            ["restrictionProcessNeeded"] = m.RestrictionProcessNeeded.Count > 0 ? words.AnyOf(m.RestrictionProcessNeeded) : null,

            ["failures"] = m.Failures.Select(r => Record(("reason", say.Say(r)), ("standard", r.Standard))).ToList(),
            ["concerns"] = m.Concerns.Select(r => Record(("reason", say.Say(r)), ("standard", r.Standard))).ToList(),

            ["followUpDue"] = Vocabulary.Date(m.FollowUpProcessDue),
            ["noticeBefore"] = notice is NoticePlan.BeforeDisclosure,
            ["noticeAfterOrder"] = notice is NoticePlan.AfterNonDisclosure,
            ["noticeAfterEmergency"] = notice is NoticePlan.AfterEmergency,
            ["noticeReview"] = notice is NoticePlan.ReviewNonDisclosure,
            ["noticeNone"] = notice is null or NoticePlan.None,
            ["noticeDate"] = Vocabulary.Date(m.UserNotice?.Earliest ?? m.UserNotice?.ReviewAt),
            ["nonDisclosureUntil"] = Vocabulary.Date(m.NonDisclosureUntil),

            ["preservedCategories"] = words.Of(m.PreservedCategories),
            ["preservationDays"] = m.PreservationDays > 0 ? m.PreservationDays.ToString(CultureInfo.InvariantCulture) : null,
            ["preservedUntil"] = m.PreservationDays > 0 ? Vocabulary.Date(m.ReceivedDate.AddDays(m.PreservationDays)) : null,

            ["dataHeldIn"] = m.DataHeldIn,
            ["dataLaw"] = m.DataLaw,
            ["mlatCategories"] = words.Of(m.MlatCategories),
        };
    }

    internal static IReadOnlyDictionary<string, string?> Record(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
