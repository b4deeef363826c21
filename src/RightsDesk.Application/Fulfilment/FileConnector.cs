using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Fulfilment;

namespace RightsDesk.Application.Fulfilment;

/// <summary>
/// A connector that reads the platform's exports from a directory (docs/connector.md):
/// <c>ROOT/&lt;targetType&gt;/&lt;id&gt;/&lt;dataCategory&gt;.json</c> and <c>contact.json</c>. Identifiers that are not
/// safe file names are looked up by their SHA-256 (<c>sha256-&lt;hex&gt;</c>), so no target id can walk the file system.
/// </summary>
public sealed partial class FileConnector(string root, TimeProvider clock) : IPlatformConnector
{
    private const long MaxItemBytes = 5 * 1024 * 1024;

    public async Task<DisclosureItem> FetchAsync(Target target, DataCategory category, DateRange? range, Recommendation outcome, CancellationToken ct)
    {
        var path = Path.Combine(Folder(target), JsonNames.Of(category) + ".json");
        if (!File.Exists(path))
        {
            return new DisclosureItem(-1, category, false, null, null);
        }

        if (new FileInfo(path).Length > MaxItemBytes)
        {
            throw new InvalidOperationException($"The connector export for {JsonNames.Of(category)} is larger than {MaxItemBytes / (1024 * 1024)} MB; deliver it out of band.");
        }

        return new DisclosureItem(-1, category, true, "application/json", await File.ReadAllTextAsync(path, ct));
    }

    public async Task<string> PreserveAsync(Target target, IReadOnlyList<DataCategory> categories, int days, CancellationToken ct)
    {
        var reference = "P-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var dir = Path.Combine(root, "preservations");
        Directory.CreateDirectory(dir);
        var until = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(days);
        var body = JsonSerializer.Serialize(new { reference, folder = Path.GetRelativePath(root, Folder(target)), categories = categories.Select(JsonNames.Of), until }, JsonNames.Indented);
        await File.WriteAllTextAsync(Path.Combine(dir, reference + ".json"), body, ct);
        return reference;
    }

    public async Task<UserContact?> ContactAsync(Target target, CancellationToken ct)
    {
        var path = Path.Combine(Folder(target), "contact.json");
        if (!File.Exists(path) || new FileInfo(path).Length > 64 * 1024)
        {
            return null;
        }

        var contact = JsonSerializer.Deserialize<ContactFile>(await File.ReadAllTextAsync(path, ct), JsonNames.Options);
        return contact is null ? null : new UserContact(contact.Email, string.IsNullOrWhiteSpace(contact.Language) ? "en" : contact.Language);
    }

    private string Folder(Target target) => Path.Combine(root, JsonNames.Of(target.Type), SafeName(target.Id));

    public static string SafeName(string id) => SafeId().IsMatch(id) && !id.StartsWith('.')
        ? id
        : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeId();

    private sealed record ContactFile(string? Email, string? Language);
}
