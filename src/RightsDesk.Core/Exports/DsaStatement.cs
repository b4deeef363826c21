using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Core.Exports;

/// <summary>A statement as the Transparency Database takes it, and what was redacted on the way.</summary>
public sealed record DsaStatementDraft(JsonObject Statement, int Emails, int Phones);

/// <summary>
/// Turns a stored moderation decision into a statement of reasons in the Transparency Database's own field names
/// (snake_case, its values verbatim), with nothing that names a person: the puid becomes a keyed pseudonym, every
/// free text is redacted, and RightsDesk's own fields (the account, the demand, the user's language) stay behind.
/// The territorial scope is narrowed to the EEA, the only countries the database accepts; GLOBAL becomes all 30.
/// </summary>
public static class DsaStatement
{
    /// <summary>
    /// The pseudonym sent as puid: HMAC-SHA256 of the platform's id under the export key, in hex (the database's
    /// puid pattern is letters, digits, '-' and '_'). The same post always gets the same pseudonym, so a resubmission
    /// is recognised as one, and nobody without the key can tell which post it stands for.
    /// </summary>
    public static string Pseudonym(byte[] exportKey, string puid) =>
        "rd-" + Convert.ToHexStringLower(HMACSHA256.HashData(exportKey, Encoding.UTF8.GetBytes("dsaPuid\0" + puid)));

    /// <summary>The EEA countries a decision applies in, in the database's order-free list form.</summary>
    public static IReadOnlyList<string> EeaScope(ModerationDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Global ? Tdb.Eea : [.. d.TerritorialScope.Where(c => Tdb.Eea.Contains(c, StringComparer.Ordinal))];
    }

    public static DsaStatementDraft Build(ModerationDecision d, string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(d);
        var scope = EeaScope(d);
        // National phone numbers are read under the countries the measure applies in; a measure everywhere has
        // too many to try each, so there only numbers written with their country code are found.
        var regions = scope.Count <= 3 ? scope : [];
        var (emails, phones) = (0, 0);
        string? Clean(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var r = FreeTextRedactor.Redact(text, regions);
            emails += r.Emails;
            phones += r.Phones;
            return r.Text;
        }

        var s = new JsonObject();
        void Put(string name, JsonNode? value)
        {
            if (value is not null)
            {
                s[name] = value;
            }
        }

        Put("decision_visibility", d.DecisionVisibility.Count == 0 ? null : List(d.DecisionVisibility));
        Put("decision_visibility_other", Clean(d.DecisionVisibilityOther));
        Put("decision_monetary", d.DecisionMonetary);
        Put("decision_monetary_other", Clean(d.DecisionMonetaryOther));
        Put("decision_provision", d.DecisionProvision);
        Put("decision_account", d.DecisionAccount);
        Put("account_type", d.AccountType);
        Put("decision_ground", d.DecisionGround);
        // A reference URL is not redacted (a URL with a mark in it is no URL): it goes only when nothing in it needed to be.
        Put("decision_ground_reference_url", d.DecisionGroundReferenceUrl is { } url && !FreeTextRedactor.Redact(url, regions).Changed ? url : null);
        Put("illegal_content_legal_ground", Clean(d.IllegalContentLegalGround));
        Put("illegal_content_explanation", Clean(d.IllegalContentExplanation));
        Put("incompatible_content_ground", Clean(d.IncompatibleContentGround));
        Put("incompatible_content_explanation", Clean(d.IncompatibleContentExplanation));
        Put("incompatible_content_illegal", d.IncompatibleContentIllegal);
        Put("content_type", List(d.ContentType));
        Put("content_type_other", Clean(d.ContentTypeOther));
        Put("category", d.Category);
        Put("category_addition", d.CategoryAddition.Count == 0 ? null : List(d.CategoryAddition));
        Put("category_specification", d.CategorySpecification.Count == 0 ? null : List(d.CategorySpecification));
        Put("category_specification_other", Clean(d.CategorySpecificationOther));
        Put("territorial_scope", List(scope));
        Put("content_language", d.ContentLanguage);
        Put("content_date", Day(d.ContentDate));
        Put("application_date", Day(d.ApplicationDate));
        Put("end_date_account_restriction", Day(d.EndDateAccountRestriction));
        Put("end_date_monetary_restriction", Day(d.EndDateMonetaryRestriction));
        Put("end_date_service_restriction", Day(d.EndDateServiceRestriction));
        Put("end_date_visibility_restriction", Day(d.EndDateVisibilityRestriction));
        Put("decision_facts", Clean(d.DecisionFacts));
        Put("source_type", d.SourceType);
        // An Art. 16 notifier is usually a person; a trusted flagger or an authority is an organisation and is named.
        Put("source_identity", d.SourceType == "SOURCE_ARTICLE_16" ? null : Clean(d.SourceIdentity));
        Put("automated_detection", d.AutomatedDetection);
        Put("automated_decision", d.AutomatedDecision);
        Put("puid", pseudonym);
        Put("content_id", d.ContentId is { } id ? new JsonObject { ["EAN-13"] = id.Ean13 } : null);
        return new DsaStatementDraft(s, emails, phones);
    }

    private static JsonArray List(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
