using System.Text.RegularExpressions;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// One reason given to the authority: the finding's code and facts, which the letter's language turns into the
/// sentence written for the authority, and the standard it rests on. Never the finding's staff-facing reason.
/// </summary>
public sealed record LetterReason(string Code, string Check, IReadOnlyDictionary<string, string> Facts, string Standard)
{
    public static LetterReason Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Code, finding.Check, finding.Facts, finding.Standard);
    }
}

/// <summary>
/// A data category asked for and not disclosed. <see cref="Sufficient"/> lists the legal process any one of which
/// would reach it, so the authority learns what to come back with; empty when no process would.
/// </summary>
public sealed record WithheldCategory(DataCategory Category, LetterReason? Reason, IReadOnlyList<LegalProcess> Sufficient);

/// <summary>
/// What a decision actually covers when the people deciding narrowed the assessment's scope (fewer categories,
/// fewer territories). It can narrow, never widen beyond what the demand asked for.
/// </summary>
public sealed record DecidedScope(IReadOnlyList<DataCategory>? DataCategories = null, IReadOnlyList<string>? Territories = null);

/// <summary>
/// Everything a response letter to an authority may say. It deliberately carries no target identifiers: letters are
/// stored, forwarded and sometimes published, so targets are referred to by count and by the authority's own
/// reference. It also leaves out what the desk knows and the authority must not (the at-risk registry, the internal
/// risk rating of the requesting state).
/// </summary>
public sealed record LetterModel
{
    public required string OperatorName { get; init; }
    public string? OperatorEmail { get; init; }
    public required DateOnly LetterDate { get; init; }

    public required string AuthorityName { get; init; }
    public string? Officer { get; init; }
    public string? Reference { get; init; }
    public required string Country { get; init; }
    public required string CountryName { get; init; }

    public required DateOnly ReceivedDate { get; init; }
    public required DemandKind DemandKind { get; init; }
    public required LegalProcess LegalProcess { get; init; }
    public string? LegalBasis { get; init; }
    public string? Offence { get; init; }
    public bool Emergency { get; init; }
    public DateOnly? Deadline { get; init; }

    public required Recommendation Decision { get; init; }
    public IReadOnlyList<DataCategory> RequestedCategories { get; init; } = [];
    public IReadOnlyList<DataCategory> DisclosedCategories { get; init; } = [];
    public IReadOnlyList<WithheldCategory> Withheld { get; init; } = [];

    public RestrictionAction? RestrictionAction { get; init; }
    public IReadOnlyList<string> RequestedTerritories { get; init; } = [];
    public IReadOnlyList<string> RestrictedTerritories { get; init; } = [];
    /// <summary>The legal process on which a restriction could rest, when the one used does not suffice.</summary>
    public IReadOnlyList<LegalProcess> RestrictionProcessNeeded { get; init; } = [];

    /// <summary>How many targets the demand names. Never the targets themselves.</summary>
    public required int TargetCount { get; init; }
    /// <summary>Targets not acted on because they select people by keyword, hashtag or location.</summary>
    public int ExcludedTargetCount { get; init; }

    public IReadOnlyList<LetterReason> Failures { get; init; } = [];
    public IReadOnlyList<LetterReason> Concerns { get; init; } = [];

    public DateOnly? FollowUpProcessDue { get; init; }
    public UserNoticeDecision? UserNotice { get; init; }
    public DateOnly? NonDisclosureUntil { get; init; }

    public IReadOnlyList<DataCategory> PreservedCategories { get; init; } = [];
    public int PreservationDays { get; init; }

    /// <summary>Where the data is held and the law there that governs disclosure to foreign authorities.</summary>
    public string? DataHeldIn { get; init; }
    public string? DataLaw { get; init; }
    public IReadOnlyList<DataCategory> MlatCategories { get; init; } = [];

    /// <summary>Builds the model from the policy in force: the authority's profile and the operator's home profile.</summary>
    public static LetterModel From(Demand demand, AssessmentResult assessment, Recommendation decision, PolicySet policy, DateOnly date, DecidedScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(demand);
        return From(demand, assessment, decision, policy.Operator, date,
            policy.ProfileFor(demand.Authority.Country.Value), policy.ProfileFor(policy.Operator.HomeCountry), scope);
    }

    /// <exception cref="ArgumentException">when the decided scope goes beyond the demand, or a disclosure decision
    /// names nothing to disclose.</exception>
    public static LetterModel From(
        Demand demand,
        AssessmentResult assessment,
        Recommendation decision,
        OperatorSettings op,
        DateOnly date,
        JurisdictionProfile authorityProfile,
        JurisdictionProfile homeProfile,
        DecidedScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(authorityProfile);
        ArgumentNullException.ThrowIfNull(homeProfile);

        var country = demand.Authority.Country.Value;
        var disclosed = DisclosedFor(demand, assessment, decision, scope);
        var restricted = RestrictedFor(demand, assessment, decision, scope);
        var acts = decision is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction or Recommendation.Preserve;
        var mlatOnly = MlatOnlyCategories(demand, op, homeProfile);
        var forAuthority = assessment.Findings.Where(IsForAuthority).ToList();

        var withheld = new List<WithheldCategory>();
        if (demand.Kind is DemandKind.UserData or DemandKind.Preservation)
        {
            foreach (var category in demand.DataCategories.Where(c => !disclosed.Contains(c)))
            {
                var finding = FindingAbout(forAuthority, category);
                withheld.Add(new WithheldCategory(category, finding is null ? null : LetterReason.Of(finding), Sufficient(demand, category, authorityProfile, mlatOnly)));
            }
        }

        var preservation = PreservationFor(demand, assessment, decision);

        return new LetterModel
        {
            OperatorName = op.Name,
            OperatorEmail = op.ContactEmail,
            LetterDate = date,
            AuthorityName = demand.Authority.Name,
            Officer = demand.Authority.Officer,
            Reference = demand.Authority.Reference,
            Country = country,
            CountryName = CountryNameOf(country, authorityProfile),
            ReceivedDate = DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime),
            DemandKind = demand.Kind,
            LegalProcess = demand.LegalProcess,
            LegalBasis = demand.LegalBasis,
            Offence = demand.Offence,
            Emergency = demand.Emergency || demand.LegalProcess is LegalProcess.EmergencyRequest,
            Deadline = demand.Deadline,
            Decision = decision,
            RequestedCategories = demand.DataCategories,
            DisclosedCategories = disclosed,
            Withheld = withheld,
            RestrictionAction = demand.Restriction?.Action,
            RequestedTerritories = demand.Restriction?.Territories ?? [],
            RestrictedTerritories = restricted,
            RestrictionProcessNeeded = demand.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction
                && !authorityProfile.RestrictionProcess.Contains(demand.LegalProcess)
                    ? authorityProfile.RestrictionProcess
                    : [],
            TargetCount = demand.Targets.Count,
            ExcludedTargetCount = acts ? demand.Targets.Count(t => !t.IsIndividualised) : 0,
            Failures = forAuthority.Where(f => f.Outcome is FindingOutcome.Fail).Select(LetterReason.Of).ToList(),
            Concerns = forAuthority.Where(f => f.Outcome is FindingOutcome.Concern).Select(LetterReason.Of).ToList(),
            FollowUpProcessDue = assessment.FollowUpProcessDue,
            UserNotice = assessment.UserNotice,
            NonDisclosureUntil = demand.NonDisclosure is { Required: true } nd ? nd.Until : null,
            PreservedCategories = preservation?.Categories ?? [],
            PreservationDays = preservation?.Days ?? 0,
            DataHeldIn = homeProfile.Name,
            DataLaw = homeProfile.ForeignAuthorities?.Source,
            MlatCategories = demand.DataCategories.Where(mlatOnly.Contains).ToList(),
        };
    }

    /// <summary>
    /// Findings go to the authority unless they reveal what protects the people concerned or what the desk thinks
    /// of the requester (<see cref="FindingCodes.KeptFromAuthorities"/>). The check-level rule covers assessments stored
    /// before findings had codes. An operator suspension, which is a ground for refusal, is stated.
    /// </summary>
    internal static bool IsForAuthority(Finding f) =>
        f.Outcome is not FindingOutcome.Pass
        && !FindingCodes.KeptFromAuthorities.Contains(f.Code)
        && f.Check != "targetRisk"
        && !(f.Check == "jurisdictionRisk" && f.Outcome is FindingOutcome.Concern);

    private static Finding? FindingAbout(List<Finding> findings, DataCategory category)
    {
        // The checks that take a category out run in the order that decides its cause, so the first finding naming
        // it gives the reason: by its facts, or (stored before findings had facts) by the JSON name in its reason.
        var name = JsonNames.Of(category);
        var word = new Regex(@"\b" + name + @"\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        return findings.FirstOrDefault(f => f.Facts.TryGetValue("categories", out var listed)
            ? listed.Split(',').Contains(name, StringComparer.Ordinal)
            : f.Facts.Count == 0 && word.IsMatch(f.Reason));
    }

    /// <summary>The default profile stands for many countries, so its name is no country's name.</summary>
    internal static string CountryNameOf(string country, JurisdictionProfile profile) =>
        profile.Country == country ? profile.Name : country;

    internal static PreservationScope? PreservationFor(Demand demand, AssessmentResult assessment, Recommendation decision) =>
        decision is Recommendation.Preserve
            ? assessment.Preservation ?? new PreservationScope(demand.DataCategories, 90)
            : null;

    internal static IReadOnlyList<DataCategory> DisclosedFor(Demand demand, AssessmentResult assessment, Recommendation decision, DecidedScope? scope)
    {
        if (decision is not (Recommendation.Disclose or Recommendation.DiscloseNarrowed))
        {
            return [];
        }

        var disclosed = scope?.DataCategories ?? assessment.AllowedDataCategories;
        var beyond = disclosed.Where(c => !demand.DataCategories.Contains(c)).ToList();
        if (beyond.Count > 0)
        {
            throw new ArgumentException($"The decision discloses {string.Join(", ", beyond.Select(JsonNames.Of))}, which the demand did not ask for; nothing beyond the demand is ever disclosed.", nameof(scope));
        }

        if (disclosed.Count == 0 && demand.DataCategories.Count > 0)
        {
            throw new ArgumentException("A decision to disclose must say what is disclosed: the assessment allowed no data category, so pass the categories decided as the scope.", nameof(scope));
        }

        return disclosed.Distinct().ToList();
    }

    internal static IReadOnlyList<string> RestrictedFor(Demand demand, AssessmentResult assessment, Recommendation decision, DecidedScope? scope)
    {
        if (decision is not Recommendation.RestrictInJurisdiction)
        {
            return [];
        }

        var requested = demand.Restriction?.Territories ?? [];
        var country = demand.Authority.Country.Value;
        var territories = scope?.Territories
            ?? (assessment.AllowedTerritories.Count > 0 ? assessment.AllowedTerritories : [country]);
        var beyond = territories.Where(t => t != country && !requested.Contains("*") && !requested.Contains(t)).ToList();
        if (beyond.Count > 0)
        {
            throw new ArgumentException($"The decision restricts in {string.Join(", ", beyond)}, which the demand did not ask for.", nameof(scope));
        }

        return territories.Distinct().ToList();
    }

    /// <summary>Categories the law where the data is held lets the operator give this foreign authority only through MLAT.</summary>
    private static IReadOnlyList<DataCategory> MlatOnlyCategories(Demand demand, OperatorSettings op, JurisdictionProfile home)
    {
        var country = demand.Authority.Country.Value;
        if (home.ForeignAuthorities is not { } rules
            || demand.LegalProcess is LegalProcess.Mlat
            || op.DataHeldIn.Contains(country, StringComparer.Ordinal)
            || rules.ExecutiveAgreements.Contains(country, StringComparer.Ordinal))
        {
            return [];
        }

        return rules.MlatOnlyCategories;
    }

    private static IReadOnlyList<LegalProcess> Sufficient(Demand demand, DataCategory category, JurisdictionProfile profile, IReadOnlyList<DataCategory> mlatOnly)
    {
        if (mlatOnly.Contains(category))
        {
            return [LegalProcess.Mlat];
        }

        return profile.SufficientProcess.TryGetValue(category, out var list) && !list.Contains(demand.LegalProcess) ? list : [];
    }
}
