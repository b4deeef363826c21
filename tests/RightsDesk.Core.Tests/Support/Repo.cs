using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Tests.Support;

/// <summary>Finds the checkout and loads the shipped policy exactly as the product does (minus the file reading code).</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PolicyDir => Path.Combine(Root, "policy");

    private static readonly Lazy<PolicySet> Shipped = new(() => LoadPolicy(PolicyDir));

    public static PolicySet Policy => Shipped.Value;

    public static PolicySet LoadPolicy(string dir, Func<string, string, string>? edit = null)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(dir, path).Replace('\\', '/');
            if (rel is "operator.json" or "offences.json" or "moderation.json" or "impact.json" or "hrd-policy.json" or "originals.json" || rel.StartsWith("jurisdictions/", StringComparison.Ordinal) || rel.StartsWith("templates/", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(path);
                files[rel] = edit is null ? text : edit(rel, text);
            }
        }

        return PolicySet.Parse(files);
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

        throw new InvalidOperationException("Run the tests from inside the RightsDesk checkout.");
    }
}
