using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>Writes the notice to the affected user from policy/templates/notices/{language}/user-notice.md.</summary>
public static class NoticeComposer
{
    public static string TemplatePath(string language) => $"notices/{language}/user-notice.md";

    /// <exception cref="TemplateException">when not even the English notice exists, or a template is broken.</exception>
    public static RenderedNotice Compose(PolicySet policy, string language, NoticeModel model)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        var (used, path, text) = Composition.Find(policy, language, TemplatePath);
        var (subject, body) = Composition.Render(path, text, Values(model, Vocabulary.For(policy, used)));
        return new RenderedNotice(used, subject, body);
    }

    /// <summary>The placeholders a notice template may use. Every key is always present, null when unknown.</summary>
    internal static Dictionary<string, object?> Values(NoticeModel m, Vocabulary words) => new(StringComparer.Ordinal)
    {
        ["operatorName"] = m.OperatorName,
        ["noticeDate"] = Vocabulary.Date(m.NoticeDate),
        ["authorityName"] = m.AuthorityName,
        ["country"] = m.Country,
        ["countryName"] = m.CountryName,
        ["legalProcess"] = words.Of(m.LegalProcess),
        ["legalBasis"] = m.LegalBasis,
        ["reference"] = m.Reference,
        ["receivedDate"] = Vocabulary.Date(m.ReceivedDate),
        ["demandKind"] = words.Of(m.DemandKind),
        ["isUserData"] = m.DemandKind is DemandKind.UserData,
        ["isRestriction"] = m.DemandKind is DemandKind.ContentRestriction or DemandKind.AccountRestriction,
        ["isPreservation"] = m.DemandKind is DemandKind.Preservation,
        ["requestedCategories"] = words.Of(m.RequestedCategories),
        ["restrictionAction"] = m.RestrictionAction is { } a ? words.Of(a) : null,
        ["requestedTerritories"] = m.RequestedTerritories.Count > 0 ? words.Territories(m.RequestedTerritories) : null,
        ["decision"] = words.Of(m.Decision),
        ["disclosedCategories"] = words.Of(m.DisclosedCategories),
        ["restrictedTerritories"] = m.RestrictedTerritories.Count > 0 ? words.Territories(m.RestrictedTerritories) : null,
        ["preservedCategories"] = words.Of(m.PreservedCategories),
        ["preserved"] = m.Decision is Recommendation.Preserve,
        ["nothingDisclosed"] = m.DisclosedCategories.Count == 0 && m.RestrictedTerritories.Count == 0,
        ["delayedByOrder"] = m.DelayedByNonDisclosure,
        ["orderUntil"] = Vocabulary.Date(m.NonDisclosureUntil),
        ["delayedByEmergency"] = m.DelayedByEmergency,
        ["redress"] = m.AuthorityRedress,
        ["appealContact"] = m.AppealContact,
    };
}
