using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>Models with every field set, so that every branch and placeholder of every template is exercised.</summary>
internal static class Models
{
    public static LetterModel FullLetter(Recommendation decision = Recommendation.DiscloseNarrowed) => new()
    {
        OperatorName = "Example Social",
        OperatorEmail = "legal@example.org",
        LetterDate = new DateOnly(2026, 4, 12),
        AuthorityName = "Office of the District Attorney, Travis County",
        Officer = "ADA Michael Ortega",
        Reference = "GJ-26-0311",
        Country = "US",
        CountryName = "United States",
        ReceivedDate = new DateOnly(2026, 4, 10),
        DemandKind = DemandKind.UserData,
        LegalProcess = LegalProcess.DsaOrder,
        LegalBasis = "18 U.S.C. § 2703(c)(2)",
        Offence = "Theft of property",
        Emergency = true,
        Deadline = new DateOnly(2026, 4, 24),
        Decision = decision,
        RequestedCategories = [DataCategory.SubscriberInfo, DataCategory.Content, DataCategory.Location],
        DisclosedCategories = [DataCategory.SubscriberInfo],
        Withheld =
        [
            new WithheldCategory(DataCategory.Content, Reason(FindingCodes.LegalProcessInsufficientForSome, ("country", "United States"), ("process", "subpoena"), ("categories", "content")), [LegalProcess.SearchWarrant, LegalProcess.Mlat]),
            new WithheldCategory(DataCategory.Location, null, []),
        ],
        RestrictionAction = RestrictionAction.Remove,
        RequestedTerritories = ["*"],
        RestrictedTerritories = ["US"],
        RestrictionProcessNeeded = [LegalProcess.CourtOrder],
        TargetCount = 3,
        ExcludedTargetCount = 1,
        Failures = [Reason(FindingCodes.CompletenessMissingLegalBasis)],
        Concerns = [Reason(FindingCodes.CompletenessOfficerNotNamed), Reason(FindingCodes.AuthenticityFreeMail, ("domain", "*mail*.example"))],
        FollowUpProcessDue = new DateOnly(2026, 5, 10),
        UserNotice = new UserNoticeDecision(NoticePlan.ReviewNonDisclosure, null, new DateOnly(2026, 7, 9), "review"),
        NonDisclosureUntil = new DateOnly(2026, 7, 1),
        PreservedCategories = [DataCategory.SubscriberInfo, DataCategory.IpLogs],
        PreservationDays = 90,
        DataHeldIn = "United States",
        DataLaw = "18 U.S.C. § 2702",
        MlatCategories = [DataCategory.Content],
    };

    public static LetterReason Reason(string code, params (string Key, string Value)[] facts) =>
        new(code, code[..code.IndexOf('.', StringComparison.Ordinal)], facts.ToDictionary(f => f.Key, f => f.Value), "GNI Implementation Guidelines");

    public static NoticeModel FullNotice(Recommendation decision = Recommendation.DiscloseNarrowed) => new()
    {
        OperatorName = "Example Social",
        NoticeDate = new DateOnly(2026, 9, 3),
        DemandKind = DemandKind.UserData,
        AuthorityName = "Parquet de Paris, section J3 (cybercriminalité)",
        Country = "FR",
        CountryName = "France",
        LegalProcess = LegalProcess.DsaOrder,
        LegalBasis = "Regulation (EU) 2022/2065 (Digital Services Act) Article 10",
        Reference = "PNC-2026-09-772",
        ReceivedDate = new DateOnly(2026, 9, 7),
        RequestedCategories = [DataCategory.SubscriberInfo, DataCategory.IpLogs],
        RestrictionAction = RestrictionAction.GeoBlock,
        RequestedTerritories = ["FR", "DE"],
        Decision = decision,
        DisclosedCategories = [DataCategory.SubscriberInfo],
        RestrictedTerritories = ["FR"],
        PreservedCategories = [DataCategory.IpLogs],
        DelayedByNonDisclosure = true,
        NonDisclosureUntil = new DateOnly(2026, 9, 2),
        DelayedByEmergency = true,
        AuthorityRedress = "The provider may contest this order before the Tribunal judiciaire de Paris.",
        AppealContact = "appeals@example.org",
    };

    /// <summary>The same with every optional field empty, for the other side of every condition.</summary>
    public static LetterModel SparseLetter(Recommendation decision = Recommendation.Reject) => new()
    {
        OperatorName = "Example Social",
        LetterDate = new DateOnly(2026, 4, 12),
        AuthorityName = "Some Authority",
        Country = "ZZ",
        CountryName = "ZZ",
        ReceivedDate = new DateOnly(2026, 4, 10),
        DemandKind = DemandKind.NetworkDisruption,
        LegalProcess = LegalProcess.None,
        Decision = decision,
        TargetCount = 0,
    };

    public static NoticeModel SparseNotice(Recommendation decision = Recommendation.Reject) => new()
    {
        OperatorName = "Example Social",
        NoticeDate = new DateOnly(2026, 9, 3),
        DemandKind = DemandKind.ContentRestriction,
        AuthorityName = "Some Authority",
        Country = "ZZ",
        CountryName = "ZZ",
        LegalProcess = LegalProcess.Informal,
        ReceivedDate = new DateOnly(2026, 9, 1),
        Decision = decision,
        AppealContact = "appeals@example.org",
    };
}
