using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Policy;

public enum RiskTier { Low, Moderate, High, Severe }

/// <summary>Where a jurisdiction's risk tier comes from, so a reviewer can check and update it.</summary>
public sealed record RiskSource(string Index, string? Status, int? Score, int Year, string? Url);

/// <summary>How a jurisdiction's own emergency disclosure rules work.</summary>
public sealed record EmergencyRules(
    bool Allowed,
    IReadOnlyList<DataCategory> Categories,
    int FollowUpProcessDays,
    string? Source);

/// <summary>
/// Rules that apply when this jurisdiction is where the data is held and a foreign authority asks for it:
/// which categories the local law lets the provider disclose only through MLAT or an executive agreement.
/// </summary>
public sealed record ForeignAuthorityRules(
    IReadOnlyList<DataCategory> MlatOnlyCategories,
    IReadOnlyList<string> ExecutiveAgreements,
    string? Source);

public enum OverrideEffect
{
    /// <summary>No user data is disclosed to this jurisdiction's authorities (e.g. Hong Kong since 2020-07-06).</summary>
    SuspendUserData,
    /// <summary>No demand of the listed kinds is complied with.</summary>
    SuspendAll,
    /// <summary>Every demand of the listed kinds goes to the human rights lead.</summary>
    Escalate,
    /// <summary>Restriction demands are contested by default.</summary>
    ChallengeRestrictions,
}

/// <summary>An operator decision layered over the law: recorded, dated and sourced like any other policy fact.</summary>
public sealed record PolicyOverride(
    string Id,
    OverrideEffect Effect,
    IReadOnlyList<DemandKind> Kinds,
    DateOnly Since,
    DateOnly? Until,
    string Reason,
    string? Source)
{
    public bool AppliesTo(DemandKind kind, DateOnly on) =>
        (Kinds.Count == 0 || Kinds.Contains(kind)) && on >= Since && (Until is null || on <= Until);
}

/// <summary>The operator's presence in a market: <c>"market": {"operating": true, "since": "YYYY-MM-DD"}</c>.</summary>
public sealed record MarketPresence(bool Operating, DateOnly? Since);

public sealed record JurisdictionProfile
{
    public required string Country { get; init; }
    public required string Name { get; init; }
    public required RiskTier RiskTier { get; init; }
    public required RiskSource RiskSource { get; init; }
    public bool EuMember { get; init; }

    /// <summary>For each data category, the kinds of legal process that suffice under this jurisdiction's law.</summary>
    public required IReadOnlyDictionary<DataCategory, IReadOnlyList<LegalProcess>> SufficientProcess { get; init; }

    /// <summary>The kinds of legal process on which a content or account restriction can rest.</summary>
    public required IReadOnlyList<LegalProcess> RestrictionProcess { get; init; }

    public required EmergencyRules Emergency { get; init; }
    public ForeignAuthorityRules? ForeignAuthorities { get; init; }

    /// <summary>Domain suffixes official authorities of this jurisdiction write from (e.g. ".gov", "polizei.de").</summary>
    public IReadOnlyList<string> OfficialEmailDomains { get; init; } = [];

    public IReadOnlyList<PolicyOverride> Overrides { get; init; } = [];

    /// <summary>Whether the operator serves this market, and since when: a market needs a signed, current impact assessment.</summary>
    public MarketPresence? Market { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public string? Notes { get; init; }
}

public enum OffenceCategory
{
    NationalSecurity, Separatism, FalseInformation, InsultingOfficials, Extremism, LgbtPropaganda, Blasphemy, ForeignAgent,
    Defamation, PublicOrder, Terrorism, Other,
}

/// <summary>
/// A law that is commonly used against peaceful expression. <see cref="Weight"/> (0..1) says how strongly a match
/// indicates that the demand lacks a legitimate aim under ICCPR Art. 19(3); the assessment treats 0.7 and above as a fail.
/// </summary>
public sealed record OffenceEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required OffenceCategory Category { get; init; }
    /// <summary>Countries where the law applies; empty means the pattern is recognised wherever it appears.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    public required IReadOnlyList<string> Patterns { get; init; }
    public required double Weight { get; init; }
    public required string Why { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    // Compiled once at load: the catalogue is matched on every assessment.
    internal Regex Matcher { get; init; } = null!;
}

public sealed record ApprovalRules(int Default, int Escalated);

public sealed record NoticeRules(int EmergencyDelayDays, int NonDisclosureReviewDays);

public sealed record ProportionalityRules(
    int TargetsConcern,
    int TargetsFail,
    int DateRangeDaysConcern,
    int DateRangeDaysFail);

/// <summary>The operator's own settings: who they are, where data is held, and how strict the desk is.</summary>
public sealed record OperatorSettings
{
    public required string Name { get; init; }
    public required string HomeCountry { get; init; }
    public required IReadOnlyList<string> DataHeldIn { get; init; }
    public bool ServesEu { get; init; }
    public required ApprovalRules Approvals { get; init; }
    public required NoticeRules Notice { get; init; }
    public required ProportionalityRules Proportionality { get; init; }
    public required IReadOnlyList<string> FreeMailDomains { get; init; }
    public string EscalationRole { get; init; } = "humanRightsLead";
    public string? ContactEmail { get; init; }
    /// <summary>How the platform's own transparency reports treat small numbers.</summary>
    public TransparencyRules Transparency { get; init; } = new();
}

/// <param name="SmallNumberThreshold">Counts from 1 to this are published as a band (0 publishes every count exactly).</param>
public sealed record TransparencyRules(int SmallNumberThreshold = Transparency.SmallNumbers.DefaultThreshold);
