using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Public;

/// <summary>
/// What the public pages state about the policy in force, read from it rather than written down twice: the pages
/// change when the policy does.
/// </summary>
public sealed class PolicyFacts
{
    private PolicyFacts(PolicySet policy)
    {
        Policy = policy;
        Operator = policy.Operator;
        Home = policy.ProfileFor(policy.Operator.HomeCountry);
        HomeHasProfile = policy.HasProfile(policy.Operator.HomeCountry);
        Profiles = policy.Profiles
            .OrderByDescending(p => p.RiskTier)
            .ThenBy(p => p.Country, StringComparer.Ordinal)
            .ToList();
        PreservationDays = ProbePreservationDays(policy);
        NoticeLanguages = policy.Templates.Keys
            .Where(k => k.StartsWith("notices/", StringComparison.Ordinal) && k.EndsWith("/user-notice.md", StringComparison.Ordinal))
            .Select(k => k.Split('/')[1])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public PolicySet Policy { get; }
    public OperatorSettings Operator { get; }

    /// <summary>The profile of the country where the operator is established and holds its data.</summary>
    public JurisdictionProfile Home { get; }
    public bool HomeHasProfile { get; }
    public JurisdictionProfile Default => Policy.Default;

    /// <summary>Every profiled country, highest risk tier first.</summary>
    public IReadOnlyList<JurisdictionProfile> Profiles { get; }

    public IEnumerable<JurisdictionProfile> HighRisk => Profiles.Where(p => p.RiskTier >= RiskTier.High);

    /// <summary>Languages (policy/templates codes) user notices can be sent in.</summary>
    public IReadOnlyList<string> NoticeLanguages { get; }

    /// <summary>How long records are kept on a preservation request; null when the policy would not preserve.</summary>
    public int? PreservationDays { get; }

    public int CountriesWithOfficialDomains => Profiles.Count(p => p.OfficialEmailDomains.Count > 0);

    public static PolicyFacts For(PolicySet policy) => Cache.GetValue(policy, p => new PolicyFacts(p));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PolicySet, PolicyFacts> Cache = [];

    /// <summary>
    /// The preservation period is decided by the assessment engine, not the policy files; asking the engine about a
    /// plain preservation request from the home country keeps the published number the one the desk applies.
    /// </summary>
    private static int? ProbePreservationDays(PolicySet policy)
    {
        var home = policy.Operator.HomeCountry;
        var demand = new Demand
        {
            Kind = DemandKind.Preservation,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Channel = Channel.Portal,
            Authority = new Authority("Probe", CountryCode.Parse(home), AuthorityType.LawEnforcement, "Probe", null, Verified: true, Reference: "probe"),
            LegalProcess = LegalProcess.Subpoena,
            LegalBasis = "probe",
            StatementOfReasons = "probe",
            Document = new DocumentFacts(Written: true, Signed: true, OfficialLetterhead: true),
        };
        return new RightsAssessor(policy).Assess(demand).Preservation?.Days;
    }
}
