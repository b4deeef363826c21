namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>A sub-category (keyword) row of the template: its label ("Category 3b"), description and code.</summary>
public sealed record DsaKeyword(string Label, string Description, string Code);

/// <summary>A category row of the template with its keywords in the template's order (the last is always
/// KEYWORD_OTHER, except for categories 16 and 17, which have none).</summary>
public sealed record DsaCategory(string Label, string Description, string Code, IReadOnlyList<DsaKeyword> Keywords);

/// <summary>
/// The categories and keywords of Annex I of Implementing Regulation (EU) 2024/2835 in the template's order, with the
/// template's labels and descriptions (taken from the Commission's sheet "categories_names" as platforms publish
/// it). Categories 1 to 15 are the Transparency Database's statement categories; 16 exists only for orders, 17 only
/// for notices, so the orders sheet lists 1-14 and 16 and the notices sheet 1-14 and 17.
/// </summary>
public static class DsaCategories
{
    private const string Other = "Not captured by any other sub-category ";
    public const string NotSpecifiedOrder = "STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER";
    public const string NotSpecifiedNotice = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";
    public const string OtherViolationTc = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
    public const string KeywordOther = "KEYWORD_OTHER";

    public static readonly IReadOnlyList<DsaCategory> All =
    [
        C(1, "Animal welfare", "ANIMAL_WELFARE", ("Animal harm", "ANIMAL_HARM"), ("Unlawful sale of animals", "UNLAWFUL_SALE_ANIMALS")),
        C(2, "Consumer information infringements", "CONSUMER_INFORMATION",
            ("Hidden advertisement or commercial communication, including by influencers ", "HIDDEN_ADVERTISEMENT"),
            ("Insufficient information on traders ", "INSUFFICIENT_INFORMATION_ON_TRADERS"),
            ("Misleading information about the characteristics of the goods and services", "MISLEADING_INFO_GOODS_SERVICES"),
            ("Misleading information about the consumer’s rights ", "MISLEADING_INFO_CONSUMER_RIGHTS"),
            ("Non-compliance with pricing regulations ", "NONCOMPLIANCE_PRICING")),
        C(3, "Cyber violence", "CYBER_VIOLENCE",
            ("Cyber bullying and intimidation", "CYBER_BULLYING_INTIMIDATION"), ("Cyber harassment", "CYBER_HARASSMENT"),
            ("Cyber incitement to hatred or violence", "CYBER_INCITEMENT"), ("Cyber stalking", "CYBER_STALKING"),
            ("Non-consensual (intimate) material sharing, including (image-based) sexual abuse (excluding content depicting minors)", "NON_CONSENSUAL_IMAGE_SHARING"),
            ("Non-consensual sharing of material containing deepfake or similar technology using a third party's features (excluding content depicting minors)", "NON_CONSENSUAL_MATERIAL_DEEPFAKE")),
        C(4, "Cyber violence against women", "CYBER_VIOLENCE_AGAINST_WOMEN",
            ("Cyber bullying and intimidation against girls", "BULLYING_AGAINST_GIRLS"), ("Cyber harassment against women", "CYBER_HARASSMENT_AGAINST_WOMEN"),
            ("Cyber stalking against women", "CYBER_STALKING_AGAINST_WOMEN"), ("Gendered disinformation", "FEMALE_GENDERED_DISINFORMATION"),
            ("Illegal incitement to violence and hatred against women", "INCITEMENT_AGAINST_WOMEN"),
            ("Non-consensual (intimate) material sharing against women, including (image-based) sexual abuse against women (excluding content depicting minors)", "NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN"),
            ("Non-consensual sharing of material containing deepfake or similar technology using a third party's features against women (excluding content depicting minors)", "NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN")),
        C(5, "Data protection and privacy violations", "DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            ("Biometric data breach", "BIOMETRIC_DATA_BREACH"), ("Data falsification", "DATA_FALSIFICATION"),
            ("Missing processing ground for data", "MISSING_PROCESSING_GROUND"), ("Right to be forgotten", "RIGHT_TO_BE_FORGOTTEN")),
        C(6, "Illegal or harmful speech", "ILLEGAL_OR_HARMFUL_SPEECH",
            ("Defamation", "DEFAMATION"), ("Discrimination", "DISCRIMINATION"),
            ("Illegal incitement to violence and hatred based on protected characteristics (hate speech) ", "HATE_SPEECH")),
        C(7, "Intellectual property infringements", "INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            ("Copyright infringements", "COPYRIGHT_INFRINGEMENT"), ("Design infringements", "DESIGN_INFRINGEMENT"),
            ("Geographical indications infringements", "GEOGRAPHIC_INDICATIONS_INFRINGEMENT"), ("Patent infringements", "PATENT_INFRINGEMENT"),
            ("Trade secret infringements", "TRADE_SECRET_INFRINGEMENT"), ("Trademark infringements", "TRADEMARK_INFRINGEMENT")),
        C(8, "Negative effects on civic discourse or elections", "NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
            ("Misinformation, disinformation, foreign information manipulation and interference ", "MISINFORMATION_DISINFORMATION"),
            ("Violation of EU law relevant to civic discourse or elections ", "VIOLATION_EU_LAW"),
            ("Violation of national law relevant to civic discourse or elections ", "VIOLATION_NATIONAL_LAW")),
        C(9, "Protection of minors ", "PROTECTION_OF_MINORS",
            ("Age-specific restrictions concerning minors", "AGE_SPECIFIC_RESTRICTIONS_MINORS"), ("Child sexual abuse material", "CHILD_SEXUAL_ABUSE_MATERIAL"),
            ("Child sexual abuse material containing deepfake or similar technology", "CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE"),
            ("Grooming/sexual enticement of minors ", "GROOMING_SEXUAL_ENTICEMENT_MINORS"), ("Unsafe challenges", "UNSAFE_CHALLENGES")),
        C(10, "Risk for public security ", "RISK_FOR_PUBLIC_SECURITY",
            ("Illegal organizations", "ILLEGAL_ORGANIZATIONS"), ("Risk for environmental damage", "RISK_ENVIRONMENTAL_DAMAGE"),
            ("Risk for public health", "RISK_PUBLIC_HEALTH"), ("Terrorist content", "TERRORIST_CONTENT")),
        C(11, "Scams and/or fraud ", "SCAMS_AND_FRAUD",
            ("Impersonation or account hijacking", "IMPERSONATION_ACCOUNT_HIJACKING"), ("Inauthentic accounts", "INAUTHENTIC_ACCOUNTS"),
            ("Inauthentic listings", "INAUTHENTIC_LISTINGS"), ("Inauthentic user reviews", "INAUTHENTIC_USER_REVIEWS"),
            ("Phishing", "PHISHING"), ("Pyramid schemes", "PYRAMID_SCHEMES")),
        C(12, "Self-harm", "SELF_HARM",
            ("Content promoting eating disorders", "CONTENT_PROMOTING_EATING_DISORDERS"), ("Self-mutilation", "SELF_MUTILATION"), ("Suicide", "SUICIDE")),
        C(13, "Unsafe, non-compliant or prohibited products ", "UNSAFE_AND_PROHIBITED_PRODUCTS",
            ("Prohibited or restricted products", "PROHIBITED_PRODUCTS"), ("Unsafe or non-compliant products", "UNSAFE_PRODUCTS")),
        C(14, "Violence ", "VIOLENCE",
            ("Coordinated harm", "COORDINATED_HARM"), ("General calls or incitement to violence and/or hatred", "INCITEMENT_VIOLENCE_HATRED"),
            ("Human exploitation", "HUMAN_EXPLOITATION"), ("Human trafficking", "HUMAN_TRAFFICKING"), ("Trafficking in women and girls", "TRAFFICKING_WOMEN_GIRLS")),
        C(15, "Other violation of provider’s terms and conditions", "OTHER_VIOLATION_TC",
            ("Adult sexual material", "ADULT_SEXUAL_MATERIAL"), ("Age-specific restrictions", "AGE_SPECIFIC_RESTRICTIONS"),
            ("Geographical requirements", "GEOGRAPHICAL_REQUIREMENTS"), ("Goods/services not permitted to be offered on the platform", "GOODS_SERVICES_NOT_PERMITTED"),
            ("Language requirements", "LANGUAGE_REQUIREMENTS"), ("Nudity", "NUDITY")),
        new("Category 16", "Type of illegal content not specified by the public authority", NotSpecifiedOrder, []),
        new("Category 17", "Type of alleged illegal content not specified by the notifier", NotSpecifiedNotice, []),
    ];

    /// <summary>The categories of the orders sheet (illegal content only, and "not specified by the authority").</summary>
    public static IEnumerable<DsaCategory> ForOrders => All.Where(c => c.Code is not (OtherViolationTc or NotSpecifiedNotice));

    /// <summary>The categories of the notices sheet (illegal content only, and "not specified by the notifier").</summary>
    public static IEnumerable<DsaCategory> ForNotices => All.Where(c => c.Code is not (OtherViolationTc or NotSpecifiedOrder));

    /// <summary>Categories 1-14: illegal content, as sheet 5 (own-initiative measures on the law) lists them.</summary>
    public static IEnumerable<DsaCategory> Illegal => All.Where(c => c.Code is not (OtherViolationTc or NotSpecifiedOrder or NotSpecifiedNotice));

    /// <summary>Categories 1-15, as sheet 6 (own-initiative measures on the terms and conditions) lists them.</summary>
    public static IEnumerable<DsaCategory> TermsAndConditions => All.Where(c => c.Code is not (NotSpecifiedOrder or NotSpecifiedNotice));

    public static DsaCategory? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    private static DsaCategory C(int n, string description, string code, params (string Description, string Code)[] keywords)
    {
        var list = keywords.Select((k, i) => new DsaKeyword($"Category {n}{(char)('a' + i)}", k.Description, "KEYWORD_" + k.Code)).ToList();
        list.Add(new DsaKeyword($"Category {n}{(char)('a' + list.Count)}", Other, KeywordOther));
        return new DsaCategory($"Category {n}", description, "STATEMENT_CATEGORY_" + code, list);
    }
}
