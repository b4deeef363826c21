using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment;

public enum FindingOutcome { Pass, Concern, Fail }

public enum Recommendation
{
    Disclose, DiscloseNarrowed, Preserve, RestrictInJurisdiction, RequestClarification, VerifyRequester, RouteViaMlat, Challenge, Reject,
}

public enum NoticePlan { BeforeDisclosure, AfterNonDisclosure, AfterEmergency, ReviewNonDisclosure, None }

/// <summary>One reasoned observation. <see cref="Reason"/> is a sentence a lawyer on the desk can read;
/// <see cref="Standard"/> names what it rests on.</summary>
public sealed record Finding(string Check, FindingOutcome Outcome, string Reason, string Standard)
{
    private static readonly IReadOnlyDictionary<string, string> NoFacts = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Which finding this is (one of <see cref="FindingCodes"/>): what letters to authorities are written from, since
    /// <see cref="Reason"/> is written for staff. Assessments stored before codes existed read back with the check's
    /// id, which letters answer with the check's general sentence.
    /// </summary>
    public string Code { get; init; } = Check;

    /// <summary>The values the finding's sentences are filled with: enum names (lists comma-separated), ISO dates,
    /// numbers, and the few words taken from the demand or the policy. Never a target identifier.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = NoFacts;
}

public sealed record Escalation(bool Required, string? To, string? Reason)
{
    public static readonly Escalation None = new(false, null, null);
}

/// <summary>When the affected user may be told. <see cref="ReviewAt"/> is set for indefinite gag orders,
/// which come up for review (and challenge) rather than binding forever.</summary>
public sealed record UserNoticeDecision(NoticePlan Plan, DateOnly? Earliest, DateOnly? ReviewAt, string Reason);

public sealed record PreservationScope(IReadOnlyList<DataCategory> Categories, int Days);

/// <summary>
/// The outcome of a rights assessment. The first eight properties are the public contract
/// (recommendation … policyVersion); the rest extend it.
/// </summary>
public sealed record AssessmentResult
{
    public required Recommendation Recommendation { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required Escalation Escalation { get; init; }
    public required int RequiredApprovals { get; init; }
    public required IReadOnlyList<DataCategory> AllowedDataCategories { get; init; }
    public required IReadOnlyList<string> AllowedTerritories { get; init; }
    public required UserNoticeDecision UserNotice { get; init; }
    public required string PolicyVersion { get; init; }

    /// <summary>Why this recommendation, in one or two sentences built from the deciding findings.</summary>
    public required string RecommendationReason { get; init; }

    /// <summary>Indexes into the demand's targets that may be acted on (non-individualised ones are dropped).</summary>
    public required IReadOnlyList<int> AllowedTargets { get; init; }

    public PreservationScope? Preservation { get; init; }

    /// <summary>For emergency disclosures: the date by which the authority's follow-up legal process is due.</summary>
    public DateOnly? FollowUpProcessDue { get; init; }
}
