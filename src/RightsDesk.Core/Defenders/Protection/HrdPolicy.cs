using RightsDesk.Core.Impact;

namespace RightsDesk.Core.Defenders.Protection;

/// <summary>The parts of the product a risk is assessed for; a feature the register does not cover fails the policy.</summary>
public enum HrdFeature { Accounts, PublicPosts, DirectMessages, Search, Groups, Livestreams, Reporting, StateDemands }

/// <summary>Who a risk falls on hardest: the gender perspective the US-EU Recommended Actions ask for, and more.</summary>
public enum HrdGroup { Women, Lgbti, Journalists, Lawyers, Activists, Environmental, Minorities, Exiles }

/// <summary>What a defender can do to make an account harder to take over; each has its text in every public language.</summary>
public enum AccountSecurityStep { TwoFactorApp, SecurityKeys, RecoveryCodes, ReviewSessions, SeparateEmail, StateAttackWarnings, HideContactDetails }

/// <summary>The commitment the platform publishes, and the day it was adopted.</summary>
public sealed record HrdCommitment(string Text, DateOnly Adopted, string StakeholderInput);

/// <summary>Who in top leadership endorsed the commitment (Recommended Action 1: "endorsed by top leadership").</summary>
public sealed record HrdEndorsement(string By, string Role, DateOnly Date);

/// <summary>
/// One entry of the risk register: a threat to defenders through one feature, everywhere (no country) or in one
/// country, with the groups it falls on hardest and what the platform does about it.
/// </summary>
public sealed record HrdRisk(
    string Id, string? Country, HrdFeature Feature, string Threat, IReadOnlyList<HrdGroup> Groups, string GenderPerspective,
    string Mitigation);

/// <summary>
/// A monitoring benchmark (Recommended Action 4): a metric of the impact assessments' registry, so the figure it is
/// judged on is the one the desk computes from the ledger, with a target and which way is better.
/// </summary>
public sealed record HrdBenchmark(string Metric, string Commitment, decimal Target, BenchmarkDirection Direction);

/// <summary>An organisation outside the platform that helps defenders, shown on the guidance pages (everywhere when
/// it names no countries).</summary>
public sealed record HrdPartner(string Name, string Url, string Offers, IReadOnlyList<string> Countries, IReadOnlyList<string> Languages);

/// <summary>
/// policy/hrd-policy.json: the human rights defender protection policy (US-EU Recommended Actions for Online
/// Platforms, 2024, action 1): the commitment and its endorsement, the definition of defenders, the risk register by
/// feature and country, the review date, the monitoring benchmarks, and what the guidance pages tell defenders.
/// </summary>
public sealed record HrdPolicy(
    HrdCommitment Commitment,
    HrdEndorsement Endorsement,
    string Definition,
    DateOnly ReviewBy,
    IReadOnlyList<HrdFeature> Features,
    IReadOnlyList<HrdRisk> Risks,
    IReadOnlyList<HrdBenchmark> Benchmarks,
    IReadOnlyList<AccountSecurityStep> AccountSecurity,
    IReadOnlyList<HrdPartner> Partners)
{
    /// <summary>The content hash of hrd-policy.json, set by the loader: the page says which version it shows.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Version { get; init; } = "";

    /// <summary>Countries with risks of their own: each gets a safety guidance page.</summary>
    public IEnumerable<string> GuidanceCountries =>
        Risks.Where(r => r.Country is not null).Select(r => r.Country!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public bool HasGuidanceFor(string country) => Risks.Any(r => string.Equals(r.Country, country, StringComparison.Ordinal));

    /// <summary>The risks that apply in a country: its own first, then those that apply everywhere.</summary>
    public IEnumerable<HrdRisk> RisksIn(string country) =>
        Risks.Where(r => string.Equals(r.Country, country, StringComparison.Ordinal)).Concat(Risks.Where(r => r.Country is null));

    public IEnumerable<HrdPartner> PartnersFor(string country) =>
        Partners.Where(p => p.Countries.Count == 0 || p.Countries.Contains(country, StringComparer.Ordinal));

    /// <summary>Whether the policy is past its review date on <paramref name="today"/>: the page says so.</summary>
    public bool Overdue(DateOnly today) => today > ReviewBy;

    /// <exception cref="ArgumentException">naming what is wrong, for the policy loader to report with the file.</exception>
    public void Validate()
    {
        Require(Commitment.Text, "commitment.text");
        Require(Commitment.StakeholderInput, "commitment.stakeholderInput");
        Require(Endorsement.By, "endorsement.by");
        Require(Endorsement.Role, "endorsement.role");
        Require(Definition, "definition");
        if (Endorsement.Date > Commitment.Adopted)
        {
            throw new ArgumentException("endorsement.date: the commitment is adopted on or after its endorsement, not before.");
        }

        if (ReviewBy <= Commitment.Adopted)
        {
            throw new ArgumentException("reviewBy must come after commitment.adopted.");
        }

        if (ReviewBy > Commitment.Adopted.AddYears(2))
        {
            throw new ArgumentException("reviewBy: risks are to be updated regularly; review at most two years after adoption.");
        }

        if (Features.Count == 0 || Features.Distinct().Count() != Features.Count)
        {
            throw new ArgumentException("features must list each feature of the product once.");
        }

        ValidateRisks();
        ValidateBenchmarks();
        if (AccountSecurity.Count == 0 || AccountSecurity.Distinct().Count() != AccountSecurity.Count)
        {
            throw new ArgumentException("accountSecurity must list each step once, at least one.");
        }

        foreach (var p in Partners)
        {
            Require(p.Name, "partners[].name");
            Require(p.Offers, $"partner '{p.Name}': offers");
            if (!Uri.TryCreate(p.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"partner '{p.Name}': url must be an absolute https address.");
            }

            if (p.Countries.Any(c => !CountryCode.TryParse(c, out var code) || code.Value != c))
            {
                throw new ArgumentException($"partner '{p.Name}': countries are ISO 3166-1 alpha-2 codes in upper case.");
            }
        }
    }

    private void ValidateRisks()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Risks)
        {
            Require(r.Id, "risks[].id");
            if (!ids.Add(r.Id))
            {
                throw new ArgumentException($"risk id '{r.Id}' appears twice.");
            }

            if (r.Country is { } c && (!CountryCode.TryParse(c, out var code) || code.Value != c))
            {
                throw new ArgumentException($"risk '{r.Id}': country '{c}' is not an ISO 3166-1 alpha-2 code in upper case.");
            }

            if (!Features.Contains(r.Feature))
            {
                throw new ArgumentException($"risk '{r.Id}': feature '{JsonNames.Of(r.Feature)}' is not in features.");
            }

            Require(r.Threat, $"risk '{r.Id}': threat");
            Require(r.Mitigation, $"risk '{r.Id}': mitigation");
            Require(r.GenderPerspective, $"risk '{r.Id}': genderPerspective");
            if (r.Groups.Count == 0)
            {
                throw new ArgumentException($"risk '{r.Id}': groups must name who the risk falls on hardest.");
            }
        }

        // A feature added to the product without an assessed risk is the gap Recommended Action 2 warns of ("as new
        // technical capabilities are deployed"): the policy does not load until the register covers it.
        var unassessed = Features.Where(f => !Risks.Any(r => r.Feature == f)).Select(f => JsonNames.Of(f)).ToList();
        if (unassessed.Count > 0)
        {
            throw new ArgumentException($"the risk register has no risk for feature(s) {string.Join(", ", unassessed)}; assess each feature before it is listed.");
        }
    }

    private void ValidateBenchmarks()
    {
        if (Benchmarks.Count == 0)
        {
            throw new ArgumentException("benchmarks: at least one, so the policy can be monitored.");
        }

        foreach (var b in Benchmarks)
        {
            Require(b.Metric, "benchmarks[].metric");
            Require(b.Commitment, $"benchmark '{b.Metric}': commitment");
            if (b.Target < 0)
            {
                throw new ArgumentException($"benchmark '{b.Metric}': target must not be negative.");
            }
        }

        if (Benchmarks.Select(b => b.Metric).Distinct(StringComparer.Ordinal).Count() != Benchmarks.Count)
        {
            throw new ArgumentException("benchmarks: each metric once.");
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.");
        }
    }
}
