using System.Security.Cryptography;
using System.Text;
using RightsDesk.Application.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Policy;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Policy;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Policy;

/// <summary>
/// Editing the jurisdiction profiles, the offence catalogue and the operator's overrides from the desk. An edit is
/// checked against the whole policy before it is written, so a mistake never reaches the assessment; each change is
/// a ledger event with the file's new hash and the policy version it produced.
/// </summary>
public sealed class PolicyEditor(PolicyProvider provider, LedgerWriter ledger) : IPolicyFileWriter
{
    public const int MaxFileChars = 512 * 1024;

    public IReadOnlyList<string> EditableFiles() =>
        PolicyDirectory.ReadFiles(provider.Directory).Keys.Where(IsEditable).Order(StringComparer.Ordinal).ToList();

    public string? Read(string file) =>
        IsEditable(file) && PolicyDirectory.ReadFiles(provider.Directory).TryGetValue(file, out var text) ? text : null;

    /// <exception cref="PolicyException">when the edited policy does not parse; nothing is written then.</exception>
    public async Task<PolicySet> SaveAsync(string file, string content, string actor, CancellationToken ct)
    {
        if (!IsEditable(file))
        {
            throw new PolicyException(file, "is not a policy file that can be edited here.");
        }

        if (content.Length > MaxFileChars)
        {
            throw new PolicyException(file, $"is longer than {MaxFileChars / 1024} KB.");
        }

        var files = PolicyDirectory.ReadFiles(provider.Directory);
        files[file] = content;
        var parsed = PolicySet.Parse(files); // throws with the file and the reason

        var path = Path.Combine(provider.Directory, file);
        var temp = path + ".saving";
        await File.WriteAllTextAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
        provider.Reload();
        ledger.Record(new PolicyChanged(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), parsed.Version), actor, file);
        await ledger.SaveAsync(ct);
        return parsed;
    }

    async Task<string> IPolicyFileWriter.WriteAsync(string file, string content, string actor, CancellationToken ct) =>
        (await SaveAsync(file, content, actor, ct)).Version;

    private static bool IsEditable(string file) =>
        file is "operator.json" or "offences.json" or "impact.json"
        || (file.StartsWith("jurisdictions/", StringComparison.Ordinal) && file.EndsWith(".json", StringComparison.Ordinal) && !file.Contains("..", StringComparison.Ordinal) && file.Count(c => c == '/') == 1);
}
