using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Policy;

/// <summary>
/// One loaded, immutable version of the policy directory. Its <see cref="Version"/> is a content hash over every
/// file, so an assessment names exactly the policy it used, and any edit produces a new version.
/// </summary>
public sealed class PolicySet
{
    private readonly Dictionary<string, JurisdictionProfile> _profiles;

    private PolicySet(
        string version,
        OperatorSettings @operator,
        Dictionary<string, JurisdictionProfile> profiles,
        JurisdictionProfile fallback,
        IReadOnlyList<OffenceEntry> offences,
        IReadOnlyDictionary<string, string> templates,
        Moderation.ModerationPolicy? moderation,
        Impact.ImpactPolicy? impact,
        Defenders.Incidents.DefendersPolicy? defenders,
        Defenders.Protection.HrdPolicy? hrd)
    {
        Defenders = defenders;
        Hrd = hrd;
        Moderation = moderation;
        Impact = impact;
        Version = version;
        Operator = @operator;
        _profiles = profiles;
        Default = fallback;
        Offences = offences;
        Templates = templates;
    }

    public string Version { get; }
    public OperatorSettings Operator { get; }
    public JurisdictionProfile Default { get; }
    public IReadOnlyList<OffenceEntry> Offences { get; }

    /// <summary>The impact assessments' rights catalogue, groups and severity rule (impact.json); null when the
    /// directory has none, and then the desk refuses risks, since none could name a right.</summary>
    public Impact.ImpactPolicy? Impact { get; }

    /// <summary>The countries the operator marks as markets it operates in, with the day it entered them.</summary>
    public IEnumerable<(string Country, DateOnly? Since)> Markets =>
        _profiles.Values.Where(p => p.Market is { Operating: true }).Select(p => (p.Country, p.Market!.Since));
    public IReadOnlyCollection<JurisdictionProfile> Profiles => _profiles.Values;

    /// <summary>Incident triage: severity levels and their clocks (defenders.json); null in a directory without it,
    /// and then the incident channel refuses reports, since none could be triaged.</summary>
    public Defenders.Incidents.DefendersPolicy? Defenders { get; }

    /// <summary>The human rights defender protection policy (hrd-policy.json); null in a directory without it, and
    /// then the commitment and guidance pages are not published.</summary>
    public Defenders.Protection.HrdPolicy? Hrd { get; }

    /// <summary>The proportionality ladder (moderation.json); null in a policy directory without moderation.</summary>
    public Moderation.ModerationPolicy? Moderation { get; }

    /// <summary>The rule table of published originals (originals.json); null in a directory without it, and then
    /// `publish takedowns` refuses, since no redaction could say what a tier keeps.</summary>
    public Core.Originals.OriginalsPolicy? Originals { get; private init; }

    /// <summary>Template texts keyed by their path under templates/, e.g. "letters/en/comply.md".</summary>
    public IReadOnlyDictionary<string, string> Templates { get; }

    public JurisdictionProfile ProfileFor(string country) =>
        _profiles.TryGetValue(country, out var p) ? p : Default;

    public bool HasProfile(string country) => _profiles.ContainsKey(country);

    /// <summary>
    /// Parses a policy directory given as relative path → file text. The caller reads the files; this stays pure.
    /// </summary>
    /// <exception cref="PolicyException">naming the file and what is wrong with it.</exception>
    public static PolicySet Parse(IReadOnlyDictionary<string, string> files)
    {
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var version = ComputeVersion(ordered);

        var op = Deserialize<OperatorSettings>(files, "operator.json");
        if (!CountryCode.TryParse(op.HomeCountry, out _))
        {
            throw new PolicyException("operator.json", $"homeCountry '{op.HomeCountry}' is not an ISO 3166-1 alpha-2 code.");
        }

        var profiles = new Dictionary<string, JurisdictionProfile>(StringComparer.Ordinal);
        JurisdictionProfile? fallback = null;
        foreach (var (path, _) in ordered.Where(f => f.Key.StartsWith("jurisdictions/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            var profile = Deserialize<JurisdictionProfile>(files, path);
            var expected = Path.GetFileNameWithoutExtension(path);
            if (expected == "default")
            {
                fallback = profile;
                continue;
            }

            if (!CountryCode.TryParse(profile.Country, out var code) || code.Value != expected)
            {
                throw new PolicyException(path, $"country '{profile.Country}' must be the ISO code the file is named after ('{expected}').");
            }

            foreach (var category in Enum.GetValues<DataCategory>())
            {
                if (!profile.SufficientProcess.ContainsKey(category))
                {
                    throw new PolicyException(path, $"sufficientProcess has no entry for '{JsonNames.Of(category)}'; list the legal process that suffices, or an empty array if none does.");
                }
            }

            profiles.Add(code.Value, profile);
        }

        if (fallback is null)
        {
            throw new PolicyException("jurisdictions/default.json", "missing: the default profile is used for every country without its own profile.");
        }

        var offences = ParseOffences(files);
        var templates = ordered
            .Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["templates/".Length..], f => f.Value, StringComparer.Ordinal);

        var moderation = files.ContainsKey("moderation.json") ? Deserialize<Moderation.ModerationPolicy>(files, "moderation.json") : null;
        moderation?.Validate();
        var originals = files.ContainsKey(Core.Originals.OriginalsPolicy.File) ? Deserialize<Core.Originals.OriginalsPolicy>(files, Core.Originals.OriginalsPolicy.File) : null;
        originals?.Validate();
        return new PolicySet(version, op, profiles, fallback, offences, templates, moderation, ParseImpact(files), ParseDefenders(files), ParseHrd(files)) { Originals = originals };
    }

    private static Defenders.Incidents.DefendersPolicy? ParseDefenders(IReadOnlyDictionary<string, string> files)
    {
        const string path = "defenders.json";
        if (!files.ContainsKey(path))
        {
            return null;
        }

        var defenders = Deserialize<Defenders.Incidents.DefendersPolicy>(files, path);
        try
        {
            defenders.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new PolicyException(path, ex.Message);
        }

        return defenders;
    }

    private static Defenders.Protection.HrdPolicy? ParseHrd(IReadOnlyDictionary<string, string> files)
    {
        const string path = "hrd-policy.json";
        if (!files.TryGetValue(path, out var text))
        {
            return null;
        }

        var hrd = Deserialize<Defenders.Protection.HrdPolicy>(files, path);
        try
        {
            hrd.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new PolicyException(path, ex.Message);
        }

        // Its own version beside the directory's: the commitment page names the policy text it shows, and an edit
        // to a jurisdiction profile does not make the commitment look revised.
        return hrd with { Version = ComputeVersion([new KeyValuePair<string, string>(path, text)]) };
    }

    private static Impact.ImpactPolicy? ParseImpact(IReadOnlyDictionary<string, string> files)
    {
        const string path = "impact.json";
        if (!files.ContainsKey(path))
        {
            return null;
        }

        var impact = Deserialize<Impact.ImpactPolicy>(files, path);
        try
        {
            impact.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new PolicyException(path, ex.Message);
        }

        return impact;
    }

    private static List<OffenceEntry> ParseOffences(IReadOnlyDictionary<string, string> files)
    {
        const string path = "offences.json";
        var catalogue = Deserialize<OffenceCatalogueFile>(files, path);
        var list = new List<OffenceEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in catalogue.Offences)
        {
            if (!ids.Add(o.Id))
            {
                throw new PolicyException(path, $"offence id '{o.Id}' appears twice.");
            }

            if (o.Weight is < 0 or > 1)
            {
                throw new PolicyException(path, $"offence '{o.Id}': weight must be between 0 and 1.");
            }

            if (o.Patterns.Count == 0)
            {
                throw new PolicyException(path, $"offence '{o.Id}' has no patterns, so it could never be recognised.");
            }

            Regex matcher;
            try
            {
                // One alternation per entry, compiled once; the timeout bounds any pattern an operator gets wrong.
                matcher = new Regex(
                    string.Join("|", o.Patterns.Select(p => "(?:" + p + ")")),
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
                    TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException ex)
            {
                throw new PolicyException(path, $"offence '{o.Id}' has a pattern that is not a valid regular expression: {ex.Message}");
            }

            list.Add(o with { Matcher = matcher });
        }

        return list;
    }

    private static T Deserialize<T>(IReadOnlyDictionary<string, string> files, string path)
    {
        if (!files.TryGetValue(path, out var text))
        {
            throw new PolicyException(path, "missing.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, PolicyJson)
                ?? throw new PolicyException(path, "is empty.");
        }
        catch (JsonException ex)
        {
            throw new PolicyException(path, PolicyJsonErrors.Explain(ex));
        }
    }

    private static string ComputeVersion(IEnumerable<KeyValuePair<string, string>> ordered)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in ordered)
        {
            // Normalise line endings so a checkout on another OS yields the same version.
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\n" + text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n\0"));
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static readonly JsonSerializerOptions PolicyJson = CreatePolicyJson();

    private static JsonSerializerOptions CreatePolicyJson()
    {
        var o = new JsonSerializerOptions(JsonNames.Options)
        {
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed record OffenceCatalogueFile(int Version, IReadOnlyList<OffenceEntry> Offences);
}

public sealed class PolicyException(string file, string message) : Exception($"policy/{file}: {message}")
{
    public string File { get; } = file;
}
