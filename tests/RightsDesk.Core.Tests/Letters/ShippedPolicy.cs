using System.Text.Json;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>The policy directory of this checkout, read the way the host reads it, and its worked examples.</summary>
internal static class ShippedPolicy
{
    // The offence catalogue is written on another branch; until it lands, a small in-memory one lets the assessment
    // run so that the examples that rest on such laws still produce challenge and rejection letters here.
    private const string OffencesStandIn = """
        {
          "version": 1,
          "offences": [
            {
              "id": "tr-insulting-the-president",
              "name": "Turkish Penal Code Article 299 (insulting the President)",
              "category": "insultingOfficials",
              "countries": ["TR"],
              "patterns": ["\\b299\\b", "insulting the president"],
              "weight": 0.9,
              "why": "it criminalises criticism of the head of state and is used against journalists and opposition voices.",
              "sources": ["Venice Commission Opinion 831/2016"]
            },
            {
              "id": "hk-national-security-law",
              "name": "the Hong Kong National Security Law",
              "category": "nationalSecurity",
              "countries": ["HK"],
              "patterns": ["national security", "subversion"],
              "weight": 0.9,
              "why": "its offences of subversion and collusion have been used to prosecute peaceful protest and commemoration.",
              "sources": ["UN Human Rights Committee, Concluding Observations on Hong Kong, China (2022)"]
            }
          ]
        }
        """;

    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(ReadFiles);
    private static readonly Lazy<PolicySet> Loaded = new(() => PolicySet.Parse(Files.Value));

    public static PolicySet Policy => Loaded.Value;

    public static string PolicyDirectory => Path.Combine(Root.Value, "policy");

    /// <summary>A copy of the policy files, for tests that load a changed policy.</summary>
    public static Dictionary<string, string> CopyOfFiles() => new(Files.Value, StringComparer.Ordinal);

    public static IEnumerable<string> ExampleNames() =>
        Directory.EnumerateFiles(Path.Combine(PolicyDirectory, "examples"), "*.demand.json")
            .Select(f => Path.GetFileName(f)[..^".demand.json".Length])
            .Order(StringComparer.Ordinal);

    public static Demand Demand(string example) =>
        DemandReader.Read(File.ReadAllBytes(Path.Combine(PolicyDirectory, "examples", example + ".demand.json")));

    public static (Demand Demand, AssessmentResult Assessment) Assessed(string example)
    {
        var demand = Demand(example);
        var atRiskFile = Path.Combine(PolicyDirectory, "examples", example + ".at-risk.json");
        IAtRiskRegistry? registry = null;
        if (File.Exists(atRiskFile))
        {
            var entries = JsonSerializer.Deserialize<List<AtRiskEntry>>(File.ReadAllText(atRiskFile), JsonNames.Options)!;
            registry = new AtRiskList(entries.Select(e => (e.Id, e.Category)));
        }

        return (demand, new RightsAssessor(Policy).Assess(demand, registry));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RightsDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No RightsDesk.slnx above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyDictionary<string, string> ReadFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(PolicyDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(PolicyDirectory, path).Replace('\\', '/');
            if (!relative.StartsWith("examples/", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(path);
            }
        }

        files.TryAdd("offences.json", OffencesStandIn);
        return files;
    }

    private sealed record AtRiskEntry(string Id, string Category);
}
