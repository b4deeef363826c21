using System.Text.Json;

namespace RightsDesk.Core.Moderation;

/// <summary>
/// Reads moderation decisions the way the Transparency Database's v2 rules do (StatementStoreRequest), so a decision
/// RightsDesk accepts is one the Commission's database would accept too, plus RightsDesk's own fields. Every refusal
/// is collected by JSON path; one bad item of a batch refuses only itself.
/// </summary>
public static partial class ModerationDecisionReader
{
    /// <summary>The database takes 100 per call; a platform's own systems may send ten such calls at once here.</summary>
    public const int MaxBatch = 1000;

    /// <summary>Under the host's request limit; a thousand decisions with facts of a few thousand characters fit.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>The languages statements of reasons are written in: those of the public pages.</summary>
    public static readonly IReadOnlyList<string> UserLanguages = ["en", "es", "fr", "ar", "fa", "ru", "tr", "zh-Hans"];

    private static readonly DateOnly ContentFrom = new(2000, 1, 1);
    private static readonly DateOnly ApplicationFrom = new(2020, 1, 1);
    private static readonly DateOnly Until = new(2038, 1, 1);

    private static readonly string[] MeasureFields = ["decisionVisibility", "decisionMonetary", "decisionProvision", "decisionAccount"];

    private static readonly string[] Known =
    [
        "decisionVisibility", "decisionVisibilityOther", "decisionMonetary", "decisionMonetaryOther", "decisionProvision",
        "decisionAccount", "accountType", "decisionGround", "decisionGroundReferenceUrl", "illegalContentLegalGround",
        "illegalContentExplanation", "incompatibleContentGround", "incompatibleContentExplanation", "incompatibleContentIllegal",
        "contentType", "contentTypeOther", "category", "categoryAddition", "categorySpecification", "categorySpecificationOther",
        "territorialScope", "contentLanguage", "contentDate", "applicationDate", "endDateAccountRestriction",
        "endDateMonetaryRestriction", "endDateServiceRestriction", "endDateVisibilityRestriction", "decisionFacts", "sourceType",
        "sourceIdentity", "automatedDetection", "automatedDecision", "puid", "contentId",
        "demandId", "noticeId", "userLanguage", "account",
    ];

    /// <summary>One decision or <c>{"decisions":[...]}</c>, item by item.</summary>
    /// <exception cref="ValidationFailedException">when the body's own shape is wrong (not an object, an empty or
    /// oversized batch).</exception>
    public static IReadOnlyList<BatchItem<ModerationDecision>> ReadBody(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("decisions", out _))
        {
            return JsonBatch.Read(root, "decisions", MaxBatch, Read);
        }

        var input = new JsonInput();
        var value = root.ValueKind == JsonValueKind.Object ? Read(input, root, "") : null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            input.Error("$", "Expected one decision as an object, or { \"decisions\": [...] }.");
        }

        return [new BatchItem<ModerationDecision>(0, input.HasErrors ? null : value, input.Errors)];
    }

    /// <summary>One decision at <paramref name="path"/> ("" for the body itself, "decisions[3]" in a batch).</summary>
    public static ModerationDecision? Read(JsonInput input, JsonElement o, string path)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            input.Error(path.Length == 0 ? "$" : path, "Expected an object.");
            return null;
        }

        var outer = input.Prefix;
        input.Prefix = path;
        try
        {
            return ReadObject(input, o, path);
        }
        finally
        {
            input.Prefix = outer;
        }
    }

    private static ModerationDecision? ReadObject(JsonInput input, JsonElement o, string path)
    {
        string P(string name) => StrictJson.Member(path, name);
        input.RejectUnknown(o, path, Known, "Unknown field; the fields are the Transparency Database's in camelCase, plus demandId, noticeId, userLanguage and account.");

        var visibility = List(input, o, "decisionVisibility", Tdb.DecisionVisibility);
        var monetary = OneOf(input, o, "decisionMonetary", Tdb.DecisionMonetary, required: false);
        var provision = OneOf(input, o, "decisionProvision", Tdb.DecisionProvision, required: false);
        var account = OneOf(input, o, "decisionAccount", Tdb.DecisionAccount, required: false);
        if (visibility.Count == 0 && monetary is null && provision is null && account is null
            && !MeasureFields.Any(f => input.HasErrorAt(P(f))))
        {
            input.Error(P("decisionVisibility"), "At least one of decisionVisibility, decisionMonetary, decisionProvision or decisionAccount is required.");
        }

        var visibilityOther = RequiredIf(input, o, "decisionVisibilityOther", 500, visibility.Contains(Tdb.VisibilityOther), "decisionVisibility has DECISION_VISIBILITY_OTHER");
        var monetaryOther = RequiredIf(input, o, "decisionMonetaryOther", 500, monetary == Tdb.MonetaryOther, "decisionMonetary is DECISION_MONETARY_OTHER");

        var ground = OneOf(input, o, "decisionGround", Tdb.DecisionGround, required: true);
        var illegal = ground == Tdb.GroundIllegal;
        var incompatible = ground == Tdb.GroundIncompatible;
        var legalGround = RequiredIf(input, o, "illegalContentLegalGround", 500, illegal, "decisionGround is DECISION_GROUND_ILLEGAL_CONTENT");
        var contractualGround = RequiredIf(input, o, "incompatibleContentGround", 500, incompatible, "decisionGround is DECISION_GROUND_INCOMPATIBLE_CONTENT");

        var contentType = List(input, o, "contentType", Tdb.ContentType);
        if (contentType.Count == 0 && !input.HasErrorAt(P("contentType")))
        {
            input.Error(P("contentType"), "Required; a list of: " + string.Join(", ", Tdb.ContentType) + ".");
        }

        var category = OneOf(input, o, "category", Tdb.Category, required: true);
        var specification = List(input, o, "categorySpecification", Tdb.Keywords);
        var (scope, _) = Scope(input, o);

        var contentDate = Date(input, o, "contentDate", ContentFrom, required: true);
        var applicationDate = Date(input, o, "applicationDate", ApplicationFrom, required: true);
        DateOnly? End(string name, bool hasRestriction, string restriction)
        {
            var end = Date(input, o, name, ApplicationFrom, required: false);
            if (end is { } e && applicationDate is { } a && e < a)
            {
                input.Error(P(name), "Must be on or after applicationDate.");
            }
            else if (end is not null && !hasRestriction)
            {
                input.Error(P(name), $"An end date without a restriction to end; send {restriction} too, or leave this out.");
            }

            return end;
        }

        var language = OptionalString(input, o, "contentLanguage", 2);
        if (language is not null && !Tdb.Languages.Contains(language))
        {
            input.Error(P("contentLanguage"), "An ISO 639-1 code in upper case, for example EN or DE.");
        }

        var userLanguage = OptionalString(input, o, "userLanguage", 10);
        if (userLanguage is not null && !UserLanguages.Contains(userLanguage, StringComparer.Ordinal))
        {
            input.Error(P("userLanguage"), "One of: " + string.Join(", ", UserLanguages) + ".");
        }

        var sourceType = OneOf(input, o, "sourceType", Tdb.SourceType, required: true);
        var puid = input.RequiredString(o, "puid", 500);
        if (puid is not null && !PuidPattern().IsMatch(puid))
        {
            input.Error(P("puid"), "Letters, digits, '-' and '_' only.");
        }

        var decision = new ModerationDecision
        {
            DecisionVisibility = visibility,
            DecisionVisibilityOther = visibilityOther,
            DecisionMonetary = monetary,
            DecisionMonetaryOther = monetaryOther,
            DecisionProvision = provision,
            DecisionAccount = account,
            AccountType = OneOf(input, o, "accountType", Tdb.AccountType, required: false),
            DecisionGround = ground ?? "",
            DecisionGroundReferenceUrl = Url(input, o, "decisionGroundReferenceUrl"),
            IllegalContentLegalGround = legalGround,
            IllegalContentExplanation = OptionalString(input, o, "illegalContentExplanation", 2000),
            IncompatibleContentGround = contractualGround,
            IncompatibleContentExplanation = OptionalString(input, o, "incompatibleContentExplanation", 2000),
            IncompatibleContentIllegal = OneOf(input, o, "incompatibleContentIllegal", Tdb.YesNo, required: false),
            ContentType = contentType,
            ContentTypeOther = RequiredIf(input, o, "contentTypeOther", 500, contentType.Contains(Tdb.ContentTypeOther), "contentType has CONTENT_TYPE_OTHER"),
            Category = category ?? "",
            CategoryAddition = List(input, o, "categoryAddition", Tdb.Category),
            CategorySpecification = specification,
            CategorySpecificationOther = RequiredIf(input, o, "categorySpecificationOther", 500, specification.Contains(Tdb.KeywordOther), "categorySpecification has KEYWORD_OTHER"),
            TerritorialScope = scope,
            ContentLanguage = language,
            ContentDate = contentDate ?? default,
            ApplicationDate = applicationDate ?? default,
            EndDateAccountRestriction = End("endDateAccountRestriction", account is not null, "decisionAccount"),
            EndDateMonetaryRestriction = End("endDateMonetaryRestriction", monetary is not null, "decisionMonetary"),
            EndDateServiceRestriction = End("endDateServiceRestriction", provision is not null, "decisionProvision"),
            EndDateVisibilityRestriction = End("endDateVisibilityRestriction", visibility.Count > 0, "decisionVisibility"),
            DecisionFacts = input.RequiredString(o, "decisionFacts", 5000) ?? "",
            SourceType = sourceType ?? "",
            // The database drops the source's identity for own-initiative decisions: there is no notifier to name.
            SourceIdentity = sourceType == Tdb.SourceVoluntary ? null : OptionalString(input, o, "sourceIdentity", 500),
            AutomatedDetection = OneOf(input, o, "automatedDetection", Tdb.YesNo, required: true) ?? "",
            AutomatedDecision = OneOf(input, o, "automatedDecision", Tdb.AutomatedDecision, required: true) ?? "",
            Puid = puid ?? "",
            ContentId = ContentId(input, o),
            DemandId = DemandId(input, o),
            NoticeId = NoticeId(input, o, sourceType),
            UserLanguage = userLanguage ?? "en",
            Account = OptionalString(input, o, "account", 300),
        };
        return input.HasErrorAt(path) ? null : decision;
    }
}
