using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Assessment;

/// <summary>Why a data category was taken out of what may be disclosed; decides what the desk recommends instead.</summary>
public enum RemovalCause { InsufficientProcess, RequiresMlat, Proportionality, Emergency }

/// <summary>A target the operator's at-risk registry knows (human rights defender, journalist, lawyer…).</summary>
public sealed record AtRiskMatch(int TargetIndex, string Category);

/// <summary>Looks targets up in the at-risk registry. The web host implements it with a keyed blind index.</summary>
public interface IAtRiskRegistry
{
    IReadOnlyList<AtRiskMatch> Match(IReadOnlyList<Target> targets);
}

public sealed class EmptyAtRiskRegistry : IAtRiskRegistry
{
    public static readonly EmptyAtRiskRegistry Instance = new();

    public IReadOnlyList<AtRiskMatch> Match(IReadOnlyList<Target> targets) => [];
}

/// <summary>Who the requester is to the desk, from the authority portal's records rather than from the demand's own claims.</summary>
public enum RequesterStatus
{
    /// <summary>Not submitted through a portal account (e-mail, post, typed up by intake): only the demand's own claims.</summary>
    UnverifiedChannel,
    /// <summary>Submitted through a portal account whose holder staff verified by an out-of-band call-back.</summary>
    VerifiedPortal,
    /// <summary>A portal account that is not (or no longer) verified: pending, rejected or suspended.</summary>
    UnverifiedPortal,
    /// <summary>A demand from this account was found forged: the account may be compromised or impersonated.</summary>
    FlaggedForged,
    /// <summary>Demands from this account were found abusive: overbroad, pretextual, or aimed at protected expression.</summary>
    FlaggedAbusive,
    /// <summary>Not from the portal, and staff recorded on the desk that they called the authority back on an
    /// independently found number and the demand was confirmed (who called whom, when).</summary>
    VerifiedCallBack,
}

/// <summary>
/// What the desk knows about the requester beyond the demand itself. <see cref="Since"/> is when the verification or
/// the flag was recorded. The flag's reason stays sealed with the official's record: findings are shown widely.
/// </summary>
public sealed record RequesterStanding(RequesterStatus Status, DateOnly? Since = null)
{
    public static readonly RequesterStanding Unknown = new(RequesterStatus.UnverifiedChannel);

    public bool Flagged => Status is RequesterStatus.FlaggedForged or RequesterStatus.FlaggedAbusive;
}

/// <summary>
/// The working state of one assessment. Checks only add to it: findings, categories or targets to drop,
/// a recommendation that must take precedence, an escalation. The engine turns it into the result.
/// </summary>
public sealed class AssessmentContext
{
    private readonly List<Finding> _findings = new(16);
    private readonly Dictionary<DataCategory, RemovalCause> _removed = [];
    private readonly HashSet<int> _excludedTargets = [];
    private readonly List<string> _escalationReasons = [];
    private readonly List<(Recommendation Recommendation, string Why)> _blocks = [];
    private DeskWords? _words;

    internal AssessmentContext(Demand demand, PolicySet policy, IReadOnlyList<AtRiskMatch> atRisk, RequesterStanding requester)
    {
        Demand = demand;
        Policy = policy;
        Profile = policy.ProfileFor(demand.Authority.Country.Value);
        Home = policy.ProfileFor(policy.Operator.HomeCountry);
        AtRisk = atRisk;
        Requester = requester;
        On = DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime);
        AllowedTerritories = [];
    }

    public Demand Demand { get; }
    public PolicySet Policy { get; }

    /// <summary>
    /// The desk's words for enum values (policy/templates/labels/en.json): reasons are read by staff on the desk, so
    /// they say "subscriber information", never the stored name. Facts keep the stored names, for letters to say.
    /// </summary>
    public DeskWords Words => _words ??= DeskWords.For(Policy);

    /// <summary>Several values in words, separated by commas.</summary>
    public string Say<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum => string.Join(", ", values.Select(Words.Of));
    /// <summary>The profile of the authority's own jurisdiction (or the default).</summary>
    public JurisdictionProfile Profile { get; }
    /// <summary>The profile of the jurisdiction where the operator is established and holds the data.</summary>
    public JurisdictionProfile Home { get; }
    public IReadOnlyList<AtRiskMatch> AtRisk { get; }
    public RequesterStanding Requester { get; }

    /// <summary>No record of how the demand arrived was given (the offline `assess` command, the worked examples): the
    /// demand's own claims, its "verified" flag included, are taken as written.</summary>
    public bool TakesClaimsAsGiven { get; init; }
    /// <summary>The date the demand was received: rules and overrides are applied as they stood then.</summary>
    public DateOnly On { get; }
    public DateOnly? FollowUpProcessDue { get; set; }
    public List<string> AllowedTerritories { get; }

    internal IReadOnlyList<Finding> Findings => _findings;
    internal IReadOnlyDictionary<DataCategory, RemovalCause> Removed => _removed;
    internal IReadOnlyCollection<int> ExcludedTargets => _excludedTargets;
    internal IReadOnlyList<string> EscalationReasons => _escalationReasons;
    internal IReadOnlyList<(Recommendation Recommendation, string Why)> Blocks => _blocks;

    public string AuthorityCountry => Demand.Authority.Country.Value;

    public void Pass(string check, string code, string reason, string standard, params (string Key, string Value)[] facts) =>
        Add(check, FindingOutcome.Pass, code, reason, standard, facts);

    public void Concern(string check, string code, string reason, string standard, params (string Key, string Value)[] facts) =>
        Add(check, FindingOutcome.Concern, code, reason, standard, facts);

    public void Fail(string check, string code, string reason, string standard, params (string Key, string Value)[] facts) =>
        Add(check, FindingOutcome.Fail, code, reason, standard, facts);

    /// <summary>A list of enum values as a finding's fact: JSON names, comma-separated, which letters translate.</summary>
    public static string Names<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum => string.Join(",", values.Select(JsonNames.Of));

    private void Add(string check, FindingOutcome outcome, string code, string reason, string standard, (string Key, string Value)[] facts) =>
        _findings.Add(new(check, outcome, reason, standard)
        {
            Code = code,
            Facts = facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
        });

    /// <summary>Say that the demand cannot go ahead as asked and what the desk should do instead.</summary>
    public void Require(Recommendation recommendation, string why) => _blocks.Add((recommendation, why));

    public void Disallow(DataCategory category, RemovalCause cause) => _removed.TryAdd(category, cause);

    public bool IsAllowed(DataCategory category) => !_removed.ContainsKey(category);

    public void ExcludeTarget(int index) => _excludedTargets.Add(index);

    public void Escalate(string reason) => _escalationReasons.Add(reason);

    /// <summary>The text the authority gave to justify the demand, for pattern checks.</summary>
    public string JustificationText => _justification ??= string.Join("\n", new[]
    {
        Demand.LegalBasis, Demand.Offence, Demand.StatementOfReasons,
    }.Where(s => !string.IsNullOrEmpty(s)));

    private string? _justification;
}

/// <summary>One rule of the assessment. A check is small, pure, and names the standard it rests on.</summary>
public interface IAssessmentCheck
{
    string Id { get; }

    void Run(AssessmentContext context);
}
