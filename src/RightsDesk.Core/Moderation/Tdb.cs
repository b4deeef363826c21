namespace RightsDesk.Core.Moderation;

/// <summary>
/// The DSA Transparency Database's vocabularies (schema v2, Implementing Regulation (EU) 2024/2835), verbatim: a
/// platform already sending statements to the Commission sends the same values here, and the export writes them back
/// unchanged. They are kept as the database's strings, not as C# enums, because the wire form is the contract and
/// any renaming between the two would be one more place to get a value wrong.
/// </summary>
public static class Tdb
{
    public const string VisibilityRemoved = "DECISION_VISIBILITY_CONTENT_REMOVED";
    public const string VisibilityDisabled = "DECISION_VISIBILITY_CONTENT_DISABLED";
    public const string VisibilityDemoted = "DECISION_VISIBILITY_CONTENT_DEMOTED";
    public const string VisibilityAgeRestricted = "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED";
    public const string VisibilityInteractionRestricted = "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED";
    public const string VisibilityLabelled = "DECISION_VISIBILITY_CONTENT_LABELLED";
    public const string VisibilityOther = "DECISION_VISIBILITY_OTHER";
    public const string MonetaryOther = "DECISION_MONETARY_OTHER";
    public const string AccountSuspended = "DECISION_ACCOUNT_SUSPENDED";
    public const string AccountTerminated = "DECISION_ACCOUNT_TERMINATED";
    public const string GroundIllegal = "DECISION_GROUND_ILLEGAL_CONTENT";
    public const string GroundIncompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
    public const string ContentTypeOther = "CONTENT_TYPE_OTHER";
    public const string KeywordOther = "KEYWORD_OTHER";
    public const string SourceVoluntary = "SOURCE_VOLUNTARY";
    public const string SourceArticle16 = "SOURCE_ARTICLE_16";
    public const string SourceTrustedFlagger = "SOURCE_TRUSTED_FLAGGER";
    public const string SourceOtherNotification = "SOURCE_TYPE_OTHER_NOTIFICATION";
    public const string FullyAutomated = "AUTOMATED_DECISION_FULLY";
    public const string Yes = "Yes";
    public const string No = "No";

    public static readonly IReadOnlyList<string> DecisionVisibility =
    [
        VisibilityRemoved, VisibilityDisabled, VisibilityDemoted, VisibilityAgeRestricted,
        VisibilityInteractionRestricted, VisibilityLabelled, VisibilityOther,
    ];

    public static readonly IReadOnlyList<string> DecisionMonetary = ["DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", MonetaryOther];

    public static readonly IReadOnlyList<string> DecisionProvision =
        ["DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION", "DECISION_PROVISION_TOTAL_TERMINATION"];

    public static readonly IReadOnlyList<string> DecisionAccount = [AccountSuspended, AccountTerminated];

    public static readonly IReadOnlyList<string> AccountType = ["ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"];

    public static readonly IReadOnlyList<string> DecisionGround = [GroundIllegal, GroundIncompatible];

    public static readonly IReadOnlyList<string> ContentType =
        ["CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO", ContentTypeOther];

    public static readonly IReadOnlyList<string> SourceType = [SourceArticle16, SourceTrustedFlagger, SourceOtherNotification, SourceVoluntary];

    public static readonly IReadOnlyList<string> AutomatedDecision = [FullyAutomated, "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"];

    public static readonly IReadOnlyList<string> YesNo = [Yes, No];

    public static readonly IReadOnlyList<string> Category =
    [
        "STATEMENT_CATEGORY_ANIMAL_WELFARE", "STATEMENT_CATEGORY_CONSUMER_INFORMATION", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "STATEMENT_CATEGORY_SELF_HARM", "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
        "STATEMENT_CATEGORY_VIOLENCE",
    ];

    /// <summary>The 69 keywords of schema v2 (in force since 2025-07-01).</summary>
    public static readonly IReadOnlyList<string> Keywords =
    [
        "KEYWORD_ADULT_SEXUAL_MATERIAL", "KEYWORD_AGE_SPECIFIC_RESTRICTIONS", "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
        "KEYWORD_ANIMAL_HARM", "KEYWORD_BIOMETRIC_DATA_BREACH", "KEYWORD_BULLYING_AGAINST_GIRLS",
        "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE", "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
        "KEYWORD_COORDINATED_HARM", "KEYWORD_COPYRIGHT_INFRINGEMENT", "KEYWORD_CYBER_BULLYING_INTIMIDATION",
        "KEYWORD_CYBER_HARASSMENT", "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN", "KEYWORD_CYBER_INCITEMENT",
        "KEYWORD_CYBER_STALKING", "KEYWORD_CYBER_STALKING_AGAINST_WOMEN", "KEYWORD_DATA_FALSIFICATION",
        "KEYWORD_DEFAMATION", "KEYWORD_DESIGN_INFRINGEMENT", "KEYWORD_DISCRIMINATION",
        "KEYWORD_FEMALE_GENDERED_DISINFORMATION", "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT", "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
        "KEYWORD_GOODS_SERVICES_NOT_PERMITTED", "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS", "KEYWORD_HATE_SPEECH",
        "KEYWORD_HIDDEN_ADVERTISEMENT", "KEYWORD_HUMAN_EXPLOITATION", "KEYWORD_HUMAN_TRAFFICKING",
        "KEYWORD_ILLEGAL_ORGANIZATIONS", "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING", "KEYWORD_INAUTHENTIC_ACCOUNTS",
        "KEYWORD_INAUTHENTIC_LISTINGS", "KEYWORD_INAUTHENTIC_USER_REVIEWS", "KEYWORD_INCITEMENT_AGAINST_WOMEN",
        "KEYWORD_INCITEMENT_VIOLENCE_HATRED", "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS", "KEYWORD_LANGUAGE_REQUIREMENTS",
        "KEYWORD_MISINFORMATION_DISINFORMATION", "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS", "KEYWORD_MISLEADING_INFO_GOODS_SERVICES",
        "KEYWORD_MISSING_PROCESSING_GROUND", "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING", "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
        "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE", "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN", "KEYWORD_NONCOMPLIANCE_PRICING",
        "KEYWORD_NUDITY", "KEYWORD_PATENT_INFRINGEMENT", "KEYWORD_PHISHING",
        "KEYWORD_PROHIBITED_PRODUCTS", "KEYWORD_PYRAMID_SCHEMES", "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
        "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE", "KEYWORD_RISK_PUBLIC_HEALTH", "KEYWORD_SELF_MUTILATION",
        "KEYWORD_STALKING", "KEYWORD_SUICIDE", "KEYWORD_TERRORIST_CONTENT",
        "KEYWORD_TRADE_SECRET_INFRINGEMENT", "KEYWORD_TRADEMARK_INFRINGEMENT", "KEYWORD_TRAFFICKING_WOMEN_GIRLS",
        "KEYWORD_UNLAWFUL_SALE_ANIMALS", "KEYWORD_UNSAFE_CHALLENGES", "KEYWORD_UNSAFE_PRODUCTS",
        "KEYWORD_VIOLATION_EU_LAW", "KEYWORD_VIOLATION_NATIONAL_LAW", "KEYWORD_OTHER",
    ];

    /// <summary>content_language: ISO 639-1, upper case, as the database lists them.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal)
    {
        "AB", "AA", "AF", "AK", "SQ", "AM", "AR", "AN", "HY", "AS", "AV", "AE", "AY", "AZ", "BM", "BA", "EU", "BE", "BN", "BH",
        "BI", "BS", "BR", "BG", "MY", "CA", "KM", "CH", "CE", "NY", "ZH", "CU", "CV", "KW", "CO", "CR", "HR", "CS", "DA", "DV",
        "NL", "DZ", "EN", "EO", "ET", "EE", "FO", "FJ", "FI", "FR", "FF", "GD", "GL", "LG", "KA", "DE", "KI", "EL", "KL", "GN",
        "GU", "HT", "HA", "HE", "HZ", "HI", "HO", "HU", "IS", "IO", "IG", "ID", "IA", "IE", "IU", "IK", "GA", "IT", "JA", "JV",
        "KN", "KR", "KS", "KK", "RW", "KV", "KG", "KO", "KJ", "KU", "KY", "LO", "LA", "LV", "LB", "LI", "LN", "LT", "LU", "MK",
        "MG", "MS", "ML", "MT", "GV", "MI", "MR", "MH", "RO", "MN", "NA", "NV", "ND", "NG", "NE", "SE", "NO", "NB", "NN", "II",
        "OC", "OJ", "OR", "OM", "OS", "PI", "PA", "PS", "FA", "PL", "PT", "QU", "RM", "RN", "RU", "SM", "SG", "SA", "SC", "SR",
        "SN", "SD", "SI", "SK", "SL", "SO", "ST", "NR", "ES", "SU", "SW", "SS", "SV", "TL", "TY", "TG", "TA", "TT", "TE", "TH",
        "BO", "TI", "TO", "TS", "TN", "TR", "TK", "TW", "UG", "UK", "UR", "UZ", "VE", "VI", "VO", "WA", "CY", "FY", "WO", "XH",
        "YI", "YO", "ZA", "ZU",
    };

    /// <summary>The territorial scope the database accepts: the EU's 27 and Iceland, Liechtenstein and Norway.</summary>
    public static readonly IReadOnlyList<string> Eea =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
    ];
}
