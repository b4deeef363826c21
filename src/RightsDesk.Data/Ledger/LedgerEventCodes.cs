namespace RightsDesk.Data.Ledger;

/// <summary>Stable numeric event codes. Never renumber: auditors and exports depend on them.</summary>
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
    LetterGenerated = 1400,
    LetterEdited = 1401,
    LetterSent = 1402,
    NoticePlanned = 1500,
    NoticeQueued = 1501,
    NoticeDelivered = 1502,
    NoticeDeadLettered = 1503,
    NoticeReviewDue = 1504,
    NoticeCancelled = 1505,
    AtRiskAdded = 1600,
    AtRiskRemoved = 1601,
    DemandRead = 2000,
    DocumentRead = 2001,
    DisclosurePackageRead = 2002,
    AtRiskRead = 2003,
    ApiTokenCreated = 3000,
    ApiTokenRevoked = 3001,
    KeysRotated = 3100,
}
