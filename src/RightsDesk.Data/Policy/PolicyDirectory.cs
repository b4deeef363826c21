using RightsDesk.Core.Policy;

namespace RightsDesk.Data.Policy;

/// <summary>Reads the editable policy/ directory from disk into an immutable <see cref="PolicySet"/>.</summary>
public static class PolicyDirectory
{
    public const string EnvironmentVariable = "RIGHTSDESK_POLICY";
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// The policy directory to use when none is given: $RIGHTSDESK_POLICY, else the nearest policy/ above the
    /// working directory (a checkout), else the copy shipped next to the program.
    /// </summary>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "policy");
            if (File.Exists(Path.Combine(candidate, "operator.json")))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "policy");
    }

    /// <exception cref="PolicyException">when a file is missing or wrong.</exception>
    public static PolicySet Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PolicyException(".", $"the policy directory '{directory}' does not exist. Pass --policy DIR or set {EnvironmentVariable}.");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            // Only the files the assessment reads make up the policy and its version; worked examples and notes do not.
            if (!IsPolicyFile(relative))
            {
                continue;
            }

            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new PolicyException(relative, "is larger than 1 MB; policy files are small, hand-edited data.");
            }

            files[relative] = File.ReadAllText(path);
        }

        return PolicySet.Parse(files);
    }

    /// <summary>The policy files as they are on disk, by relative path (for validating an edit before it is written).</summary>
    public static Dictionary<string, string> ReadFiles(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (IsPolicyFile(relative) && new FileInfo(path).Length <= MaxFileBytes)
            {
                files[relative] = File.ReadAllText(path);
            }
        }

        return files;
    }

    private static bool IsPolicyFile(string relative) =>
        relative is "operator.json" or "offences.json" or "moderation.json" or "impact.json" or "defenders.json" or "hrd-policy.json" or "originals.json"
        || (relative.StartsWith("jurisdictions/", StringComparison.Ordinal) && relative.EndsWith(".json", StringComparison.Ordinal))
        || relative.StartsWith("templates/", StringComparison.Ordinal);
}
