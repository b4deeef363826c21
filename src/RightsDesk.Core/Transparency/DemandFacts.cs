using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Transparency;

/// <summary>What a report says was done with a demand for user data (or a preservation, a restriction, a
/// disruption), in the words of the big platforms' reports.</summary>
public enum ReportOutcome { AllData, SomeData, NoData, Rejected, Challenged, Withdrawn, Pending }

/// <summary>Whether what was handed over included content (or real-time interception), only non-content, or nothing.</summary>
public enum DataScope { Content, NonContent, None }

/// <summary>Where a restriction applies: the issuing country only, several named territories, or worldwide.</summary>
public enum TerritorialScope { Issuing, Several, Global, None }

/// <summary>What was done to restricted items: withheld in some territories, or removed everywhere.</summary>
public enum RestrictionEffect { GeoRestricted, Removed, Other, None }

/// <summary>
/// One demand as a transparency report sees it: de-identified (no target, no name, no free text; the case is named by
/// a salted hash only), with every dimension a report breaks figures down by. These records are what a report is
/// computed from, and what its Merkle root commits to.
/// </summary>
public sealed record DemandFact
{
    public required string CaseHash { get; init; }
    public required DemandKind Kind { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>ISO 3166-1 alpha-2 (GB, never UK) or a territory code from <see cref="Common.CountryCode"/>.</summary>
    public required string Country { get; init; }
    public required AuthorityType AuthorityType { get; init; }
    public required LegalProcess LegalProcess { get; init; }
    public bool Emergency { get; init; }
    public required ReportOutcome Outcome { get; init; }
    /// <summary>Accounts (and other individual identifiers) the demand named.</summary>
    public int AccountsSpecified { get; init; }
    /// <summary>Accounts whose data was handed over, preserved, or which were restricted.</summary>
    public int AccountsAffected { get; init; }
    public DataScope Data { get; init; } = DataScope.None;
    public bool MlatRouted { get; init; }
    /// <summary>The desk caught the demand as forged or could not verify its sender and would not act on it.</summary>
    public bool ForgedOrUnverified { get; init; }
    /// <summary>The offence category of the law the demand rests on (policy/offences.json), or "notListed".</summary>
    public string OffenceCategory { get; init; } = "notListed";
    public RestrictionAction? Action { get; init; }
    public TerritorialScope Scope { get; init; } = TerritorialScope.None;
    public int ItemsRequested { get; init; }
    public int ItemsRestricted { get; init; }
    public RestrictionEffect Effect { get; init; } = RestrictionEffect.None;
    /// <summary>Hours from receipt to the first decision; null while undecided.</summary>
    public double? HoursToDecide { get; init; }
    /// <summary>Hours from receipt to the end of the case (fulfilled or closed); null while open.</summary>
    public double? HoursToComplete { get; init; }
}

/// <summary>Where a user notice stands, in the report's words.</summary>
public enum NoticeSituation
{
    NotifiedBeforeDisclosure, NotifiedAfterGag, NotifiedAfterEmergency, NotNotifiedGagInForce, NotNotifiedIndefiniteGagUnderReview,
    NotNotifiedNoDisclosure, NotNotifiedCancelled, NotNotifiedPending,
}

/// <summary>One affected user's notice, de-identified: the case hash, when the demand came and the situation.</summary>
public sealed record NoticeFact(string CaseHash, DateTimeOffset ReceivedAt, DemandKind Kind, NoticeSituation Situation);
