namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// Stable numeric event codes. Never renumber or reuse one: every stored event's leaf hash covers its code, and
/// auditors and exports depend on them. Each feature owns a range (<see cref="LedgerCodeRanges"/>): 1xxx demands,
/// their letters, notices and the at-risk registry; 2xxx reads of sensitive data; 3xxx security, accounts, the portal's
/// officials and policy; 4xxx moderation and appeals; 5xxx defenders and incidents; 6xxx transparency; 7xxx impact
/// assessment; 8xxx operations.
/// </summary>
public enum LedgerEventCode
{
    DemandCreated = 1000,
    DocumentUploaded = 1001,
    DemandAssessed = 1100,
    DecisionRecorded = 1200,
    DecisionApproved = 1201,
    DecisionSentBack = 1202,
    DemandStateChanged = 1300,
    DisclosurePackageCreated = 1301,
    DemandClosed = 1302,
    PackageReleased = 1303,
    ClarificationRequested = 1310,
    ClarificationAnswered = 1311,
    /// <summary>Staff recorded a call-back that confirmed a demand sent outside the portal.</summary>
    RequesterVerifiedByCallBack = 1320,
    // Work on a case: who holds it, what staff noted (deskwords).
    DemandAssigned = 1340,
    DemandNoteAdded = 1341,
    LetterGenerated = 1400,
    LetterEdited = 1401,
    LetterSent = 1402,
    /// <summary>The authority was told its demand was received (the acknowledgement letter went), for the time to inform.</summary>
    ReceiptAcknowledged = 1403,
    NoticePlanned = 1500,
    NoticeQueued = 1501,
    NoticeDelivered = 1502,
    NoticeDeadLettered = 1503,
    NoticeReviewDue = 1504,
    /// <summary>Reserved: no release has written it, and the number is never given to another event.</summary>
    NoticeCancelled = 1505,
    /// <summary>Staff put a dead letter back in the queue, with the reason (any topic, not only notices).</summary>
    OutboxRetried = 1510,
    /// <summary>Staff cancelled a queued or dead message, with the reason: it will not be sent.</summary>
    OutboxCancelled = 1511,
    /// <summary>The at-risk registry predates the 5xxx defenders range and keeps its numbers.</summary>
    AtRiskAdded = 1600,
    AtRiskRemoved = 1601,
    DemandRead = 2000,
    DocumentRead = 2001,
    DisclosurePackageRead = 2002,
    AtRiskRead = 2003,
    PackageDownloaded = 2004,
    /// <summary>Staff opened an official's sealed record (contact, call-back notes, flag reasons).</summary>
    OfficialContactRead = 2005,
    /// <summary>Staff downloaded a response letter's PDF (or its HTML where no PDF can be printed).</summary>
    LetterRead = 2006,
    // Reads across cases (deskwords): a list leaving the desk as CSV, a search by a target's identifier.
    DemandListExported = 2020,
    DemandTargetSearched = 2021,
    /// <summary>A researcher opened one published original of the researcher tier (the web pages of the originals).</summary>
    TakedownOriginalRead = 2030,
    /// <summary>Staff opened a misuse measure's sealed party and reasons (DSA Art. 23).</summary>
    MisuseMeasureRead = 2040,
    ApiTokenCreated = 3000,
    ApiTokenRevoked = 3001,
    KeysRotated = 3100,
    AccountCreated = 3200,
    AccountEnrolled = 3201,
    AccountRoleChanged = 3202,
    AccountDisabled = 3203,
    AccountEnabled = 3204,
    EnrolmentReset = 3205,
    SignedIn = 3206,
    SignInLockedOut = 3207,
    StepUpVerified = 3208,
    RecoveryCodesIssued = 3209,
    RecoveryCodeUsed = 3210,
    OfficialRegistered = 3250,
    OfficialVerified = 3251,
    OfficialRejected = 3252,
    OfficialFlagged = 3253,
    OfficialAuthenticatorReset = 3254,
    PolicyChanged = 3500,
    /// <summary>A moderation decision from the platform was stored, with the ladder's rung, findings and action.</summary>
    ModerationDecisionRecorded = 4000,
    /// <summary>A person confirmed a measure the ladder held.</summary>
    ModerationDecisionConfirmed = 4001,
    /// <summary>A person lifted a measure, with a reason (hashed).</summary>
    ModerationDecisionLifted = 4002,
    /// <summary>Staff opened a moderation decision's sealed texts.</summary>
    ModerationDecisionRead = 4003,
    /// <summary>The platform reported it applied a measure, or failed to (the failure's text hashed).</summary>
    ModerationDecisionApplied = 4004,
    /// <summary>A time-bound measure reached its end date and was ended; the platform was told.</summary>
    ModerationMeasureEnded = 4005,
    /// <summary>A person reviewed an indefinite measure that was due for review and kept it until the next review.</summary>
    ModerationMeasureKept = 4006,
    /// <summary>A person confirmed a measure that needs two people; it waits for the second.</summary>
    ModerationConfirmationAwaited = 4007,
    /// <summary>Staff read an account's decision history (the account by its keyed index).</summary>
    ModerationAccountHistoryRead = 4008,
    /// <summary>A statement of reasons was made for a moderation decision and queued for the user.</summary>
    StatementOfReasonsIssued = 4010,
    // Appeals (DSA Art. 20), 41xx.
    /// <summary>An appeal code was issued for a decision (the code itself is never stored).</summary>
    AppealCodeIssued = 4100,
    /// <summary>An appeal against a decision came in, by code on the public page or from the platform's API.</summary>
    AppealSubmitted = 4101,
    /// <summary>An appeal was given to a reviewer who took no part in the decision.</summary>
    AppealAssigned = 4102,
    /// <summary>The reviewer decided the appeal: upheld, reversed or modified, with reasons (hashed).</summary>
    AppealDecided = 4103,
    /// <summary>Staff opened an appeal's sealed texts.</summary>
    AppealRead = 4104,
    // Exports to the DSA Transparency Database, 42xx.
    /// <summary>Statements of reasons were written for the Transparency Database: the period, counts, redactions.</summary>
    DsaStatementsExported = 4200,
    /// <summary>A run submitting statements to the Transparency Database ended: what was sent, kept, refused, confirmed.</summary>
    DsaSubmissionCompleted = 4201,
    /// <summary>Lumen notices were written for government and court takedown demands: the period, counts, redactions, holds.</summary>
    LumenNoticesExported = 4202,
    // Notices of illegal content (DSA Art. 16), 43xx.
    /// <summary>A notice of illegal content arrived (public form, trusted flagger or the platform's reporting flow).</summary>
    IllegalContentNoticeReceived = 4300,
    /// <summary>The desk decided a notice: a moderation decision taken, or no action with a reason (hashed).</summary>
    IllegalContentNoticeDecided = 4301,
    /// <summary>Staff opened a notice's sealed texts (and the notifier's contact, where given).</summary>
    IllegalContentNoticeRead = 4302,
    /// <summary>Notices against one target crossed the coordinated-campaign threshold.</summary>
    NoticeCampaignFlagged = 4303,
    /// <summary>A trusted flagger was entered in the registry, with the coordinator that designated it.</summary>
    TrustedFlaggerDesignated = 4304,
    /// <summary>A trusted flagger's designation was revoked in the registry: its token stops working.</summary>
    TrustedFlaggerRevoked = 4305,
    /// <summary>A complaint code went to the notifier with the decision on their notice.</summary>
    NoticeComplaintCodeIssued = 4310,
    /// <summary>A notifier complained about the decision on their notice (Art. 20(1)).</summary>
    NoticeComplaintReceived = 4311,
    /// <summary>A person other than the notice's decider decided the notifier's complaint.</summary>
    NoticeComplaintDecided = 4312,
    // Out-of-court dispute referrals (DSA Art. 21), 440x.
    /// <summary>A dispute about a decision was referred to a certified out-of-court body.</summary>
    DisputeReferred = 4400,
    /// <summary>The certified body's outcome was recorded, with reasons (hashed); a reversal lifts the restriction.</summary>
    DisputeOutcomeRecorded = 4401,
    /// <summary>Staff opened a referral's sealed reasons.</summary>
    DisputeRead = 4402,
    // Measures against misuse (DSA Art. 23), 450x.
    /// <summary>A party was warned of frequent misuse: the counted facts, never who the party is.</summary>
    MisuseWarningIssued = 4500,
    /// <summary>A suspension of a warned party was proposed, resting on a standing warning.</summary>
    MisuseSuspensionProposed = 4501,
    /// <summary>A second person confirmed a proposed suspension; it runs to its end date.</summary>
    MisuseSuspensionConfirmed = 4502,
    /// <summary>A second person declined a proposed suspension.</summary>
    MisuseSuspensionDeclined = 4503,
    /// <summary>A confirmed suspension was lifted before its end date.</summary>
    MisuseSuspensionLifted = 4504,
    /// <summary>A notice or complaint of a suspended party was received and, as the suspension says, not processed.</summary>
    MisuseSubmissionNotProcessed = 4505,
    AtRiskPersonProposed = 5000,
    AtRiskPersonApproved = 5001,
    AtRiskRemovalProposed = 5002,
    AtRiskPersonRemoved = 5003,
    AtRiskRegistryRead = 5004,
    AtRiskEntryMigrated = 5005,
    IncidentReceived = 5100,
    IncidentReceiptChecked = 5101,
    IncidentMessageReceived = 5102,
    IncidentAcknowledged = 5103,
    IncidentReplied = 5104,
    IncidentResolved = 5105,
    IncidentRead = 5106,
    IncidentAssigned = 5107,
    IncidentActionRecorded = 5108,
    IncidentLinked = 5109,
    IncidentAttachmentStored = 5110,
    IncidentAttachmentRead = 5111,
    // Trusted partners, 52xx.
    PartnerApplied = 5200,
    PartnerApplicationRead = 5201,
    PartnerApplicationVetted = 5202,
    PartnerApproved = 5203,
    PartnerApplicationRejected = 5204,
    PartnerFlagged = 5205,
    PartnerFeedbackRead = 5206,
    /// <summary>A person proposed ending a partner's standing, with the reason's hash; a second person confirms.</summary>
    PartnerRevocationProposed = 5207,
    /// <summary>A second person confirmed: the partner's account is disabled and its tokens stop working.</summary>
    PartnerRevoked = 5208,
    /// <summary>A version of a transparency report was published: its tree head, parameters, records root and file hashes.</summary>
    TransparencyReportPublished = 6000,
    /// <summary>The DSA harmonised-template report for a year was written: its version, the counts it rests on and the files' hashes.</summary>
    DsaReportWritten = 6010,
    /// <summary>Published originals of takedown demands were written for a tier: counts and the files' hashes.</summary>
    TakedownsPublished = 6020,
    /// <summary>The redaction list of one published original: each kind and rule with its count.</summary>
    TakedownRedactionsListed = 6021,
    // Impact assessments (hria).
    ImpactAssessmentCreated = 7000,
    ImpactPhaseChanged = 7001,
    ImpactRiskAdded = 7010,
    ImpactMitigationAdded = 7020,
    ImpactMitigationStatusChanged = 7021,
    ImpactConsultationRecorded = 7030,
    /// <summary>Someone opened an assessment's sealed consultations (a sensitive read, kept in the feature's range).</summary>
    ImpactConsultationsRead = 7031,
    ImpactReviewRecorded = 7040,
    ImpactReviewSignedOff = 7041,
    ImpactReviewRaised = 7042,
    BenchmarkCreated = 7050,
    BenchmarkReadingTaken = 7051,
    ImpactRecommendationRecorded = 7060,
    ImpactRecommendationProposed = 7061,
    ImpactRecommendationApproved = 7062,

    // Push-back beyond the case: legal challenges, advocacy, refusals of legal orders.
    PushbackRecorded = 7100,
    PushbackStatusChanged = 7101,
}
