namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// The header rows of sheets 5 to 11 and the fixed rows of the long sheets (7 to 11: Section, Indicator, Scope,
/// Value), character for character. Taken from the filings of the Commission's template archived in
/// krMaynard/dsa-transparency-data (aliexpress/5_own_initiative_illegal.csv, 6_own_initiative_TC.csv,
/// 7_appeals_and_recidivism.csv, 8_automated_means.csv, 11_qualitative.csv at 44e61041274e; aliexpress/9_human_resources.csv
/// at 91abc2ff32c4; booking-com/10_AMAR.csv at 44e61041274e), where AliExpress and Booking.com agree row for row; the
/// trailing spaces ("Own-initiative ", "... an account ") are the template's and are kept.
/// </summary>
public static partial class DsaHeaders
{
    public static readonly IReadOnlyList<string> MeasureColumns =
    [
        "Number of measures taken at the provider's own initiative ",
        "Number of measures taken after detection with solely automated means ",
        "Visibility restriction Removal", "Visibility restriction Disable", "Visibility restriction Demoted",
        "Visibility restriction Age restricted", "Visibility restriction Interaction restricted",
        "Visibility restriction Labelled ", "Visibility restriction Other",
        "Monetary restriction Suspension", "Monetary restriction Termination", "Monetary restriction Other",
        "Provision of the service Suspension", "Provision of the service Termination",
        "Account restriction Suspension", "Account restriction Termination",
    ];

    public static readonly IReadOnlyList<string> OwnInitiativeIllegal = OwnInitiative("Category of illegal content");

    public static readonly IReadOnlyList<string> OwnInitiativeTc = OwnInitiative("Category of incompatibility with the provider's terms and conditions");

    private static readonly string[] LongLead = ["Applicability", "Service", "Reporting period", "Section", "Indicator", "Scope", "Value"];

    public static readonly IReadOnlyList<string> AppealsAndRecidivism = [.. LongLead, "Contextual Information"];

    public static readonly IReadOnlyList<string> AutomatedMeans = [.. LongLead, "Contextual Information"];

    // Sheet 9 spells its last column with a small "i", unlike 7 and 8: the template's own inconsistency.
    public static readonly IReadOnlyList<string> HumanResources = [.. LongLead, "Contextual information"];

    public static readonly IReadOnlyList<string> Amar = LongLead;

    public static readonly IReadOnlyList<string> Qualitative = ["Applicability", "Service", "Reporting period", "Indicator", "Value"];

    /// <summary>The template's applicability for rows that only very large platforms (and search engines) fill.</summary>
    public const string VlopsOnly = "Only for VLOPs";
    public const string VlopsAndVlosesOnly = "Only for VLOPs and VLOSEs";
    public const string PlatformsOnly = "Only for providers of online platforms";

    public const string ComplaintsSection = "Internal complaints mechanism";
    public const string ComplaintsSubmitted = "Number of complaints submitted to the internal-complaints mechanism";
    public const string RestrictionsAfterComplaint = "Number of restrictions newly imposed as a result of an internal complaint";
    public const string ComplaintVisibility = "Complaint regarding a decision to remove or disable access to or restrict visibility of information";
    public const string ComplaintService = "Complaint regarding a decision to suspend or terminate the provision of the service";
    public const string ComplaintAccount = "Complaint regarding a decision to suspend or terminate an account ";
    public const string ComplaintMonetisation = "Complaint regarding a decision to restrict the ability to monetise information";
    public const string ComplaintNoActionNotice = "Complaint regarding a decision not to take action on a notice submitted in accordance with Article 16";
    public const string ComplaintNoActionTrustedFlagger = "Complaint regarding a decision not to take action on a notice submitted by a Trusted Flagger in accordance with Article 16";
    public const string DisputesSection = "Out-of-court dispute settlement bodies";
    public const string DisputesSubmitted = "Number of disputes submitted to out-of-court dispute settlement bodies";
    public const string SuspensionsSection = "Suspensions imposed on repeated offenders";
    public const string SuspensionsIllegal = "Number of suspensions enacted for the provision of manifestly illegal content ";
    public const string SuspensionsNotices = "Number of suspensions enacted for the provision of manifestly unfounded notices";
    public const string SuspensionsComplaints = "Number of suspensions enacted for the provision of manifestly unfounded complaints";

    public const string TotalNumber = "Total number";
    public const string Upheld = "Decisions upheld";
    public const string PartiallyReversed = "Decisions partially reversed";
    public const string Reversed = "Decisions reversed";
    public const string MedianTime = "Median time";
    public const string Omitted = "Decision omitted";
    public const string Implemented = "Percentage of outcomes implemented";

    public const string AutomatedSection = "Use of automated means for content moderation";
    public const string MeasuresAutomated = "Number of measures solely taken by automated means ";
    public const string MeasuresNotAutomated = "Number of measures not taken by automated means";
    public const string NoticesAutomated = "Number of notices solely processed by automated means ";
    public const string NoticesNotAutomated = "Number of notices not processed by automated means";
    public static readonly IReadOnlyList<string> Accuracy =
        ["Accuracy of the automated means - Accuracy", "Accuracy of the automated means - Precision", "Accuracy of the automated means - Recall"];
    public const string ScopeOwnInitiative = "Own-initiative ";
    public const string ScopeNoticesTotal = "NAM Total";
    public const string ScopeNoticesTrustedFlagger = "NAM Trusted Flagger";

    public const string HumanResourcesSection = "Human resources dedicated to content moderation ";
    public static readonly IReadOnlyList<string> HumanResourcesIndicators =
    [
        "Number of internal moderators employed by the provider", "Number of external moderators contracted by the provider",
        "Number of total moderators with sufficient linguistic expertise ",
    ];

    public const string AmarIndicator = "Number of average monthly active recipients during the reporting period";

    /// <summary>Sheet 11's indicators in the template's order: the first six for every provider, the rest for VLOPs.</summary>
    public static readonly IReadOnlyList<string> QualitativeIndicators =
    [
        "Summary of the content moderation engaged in at the providers’ own initiative",
        "Meaningful and comprehensible information regarding content moderation engaged in at the providers' own initiative",
        "Qualitative description of the automated means",
        "Qualitative description of indicators of accuracy and possible rate of error of automated means",
        "Specification of the precise purposes to apply automated means",
        "Safeguards applied to the use of automated means",
        "High-level description of the content moderation governance structure",
        "Qualifications of the human resources dedicated to content moderation",
        "Training given to human resources dedicated to content moderation",
        "Support given to human resources dedicated to content moderation",
        "Methodology used to compute the number of human resources dedicated to content moderation",
    ];

    private static string[] OwnInitiative(string category) =>
        [.. new[] { "Applicability", "Service", "Reporting period", category, Other }, .. MeasureColumns, .. MeasureColumns.Select(m => "Contextual Information on " + m)];
}
