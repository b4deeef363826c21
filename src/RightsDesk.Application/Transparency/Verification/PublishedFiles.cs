using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Ledger;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency.Verification;

/// <summary>
/// The checks anyone can run on a published version with its files and the ledger's public key alone: each file
/// against the manifest's SHA-256, report.json against the manifest, the figures against their published hash, the
/// CSV against the JSON it is rendered from, and the tree head's signature.
/// </summary>
/// <remarks>
/// The manifest itself is not signed: someone who rewrites a file and the manifest together passes the first check.
/// What binds them is the report's ledger event, which carries the same hashes; checking it needs the ledger (the
/// auditor's checks, <see cref="ReportAudit"/>). The figures' hash travels in report.json too, so a figure changed there
/// without its hash fails here.
/// </remarks>
public static class PublishedFiles
{
    /// <summary>Reads the version at <paramref name="path"/> (its directory, or its manifest.json).</summary>
    public static (PublishedVersion? Version, ReportCheck Check) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var manifestPath = File.Exists(path) ? path : Path.Combine(path, ReportOutput.Manifest);
        if (!File.Exists(manifestPath))
        {
            return (null, ReportCheck.Fail("manifest", $"there is no {ReportOutput.Manifest} at {path}: give the directory `rightsdesk report` wrote, or its manifest"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        try
        {
            var m = JsonNode.Parse(File.ReadAllText(manifestPath)) ?? throw new FormatException("the manifest is null");
            var files = Need(m, "files").AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>(), StringComparer.Ordinal);
            var (head, report) = ReadReportJson(directory);
            var version = new PublishedVersion(directory, Text(m, "period"), Need(m, "version").GetValue<int>(), Need(m, "treeSize").GetValue<long>(),
                Text(m, "treeRoot"), Text(m, "policyVersion"), Text(m, "parametersSha256"), Text(m, "recordsRoot"), Text(m, "figuresSha256"), files, head, report);
            return (version, ReportCheck.Pass("manifest", $"{version.Period} version {version.Version}, {files.Count} files listed, computed at tree size {version.TreeSize}"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return (null, ReportCheck.Fail("manifest", $"{ReportOutput.Manifest} or {ReportFiles.Json} is not the shape `rightsdesk report` writes ({e.GetType().Name}): the files were edited or are not a report"));
        }
    }

    public static IEnumerable<ReportCheck> Check(PublishedVersion v, IReadOnlyCollection<ECDsa> publicKeys)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(publicKeys);
        yield return Hashes(v);
        yield return Agreement(v);
        yield return FiguresHash(v);
        yield return CsvMatchesJson(v);
        yield return Signature(v, publicKeys);
    }

    private static ReportCheck Hashes(PublishedVersion v)
    {
        var problems = new List<string>();
        foreach (var (name, sha) in v.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var file = Path.Combine(v.Directory, name);
            if (!File.Exists(file))
            {
                problems.Add($"{name} is missing");
            }
            else if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) is var actual && actual != sha)
            {
                problems.Add($"{name} has SHA-256 {actual}, the manifest says {sha}: it was changed after publication (fetch it again from /transparency/files/{v.Period}/{v.Version}/{name})");
            }
        }

        return problems.Count == 0
            ? ReportCheck.Pass("files", $"all {v.Files.Count} files have the SHA-256 the manifest lists")
            : ReportCheck.Fail("files", string.Join("; ", problems));
    }

    private static ReportCheck Agreement(PublishedVersion v)
    {
        if (v.Report is null || v.TreeHead is null)
        {
            return ReportCheck.Fail("report.json", $"{ReportFiles.Json} is missing or unreadable");
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(v.Directory, ReportFiles.Json))) ?? throw new FormatException("report.json is null");
        var differ = new List<string>();
        Compare("period", v.Period, Text(json, "period"));
        Compare("version", v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Need(json, "version").ToJsonString());
        Compare("tree size", v.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), v.TreeHead.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("tree root", v.TreeRoot, v.TreeHead.Root);
        Compare("records root", v.RecordsRoot, Text(json, "recordsRoot"));
        Compare("figures SHA-256", v.FiguresSha256, Text(json, "figuresSha256"));
        Compare("parameters SHA-256", v.ParametersSha256, Text(json, "parametersSha256"));
        return differ.Count == 0
            ? ReportCheck.Pass("report.json", "says the same period, version, tree head, records root and hashes as the manifest")
            : ReportCheck.Fail("report.json", "differs from the manifest in " + string.Join("; ", differ));

        void Compare(string what, string manifest, string report)
        {
            if (!string.Equals(manifest, report, StringComparison.Ordinal))
            {
                differ.Add($"{what} (manifest {manifest}, report.json {report})");
            }
        }
    }

    private static ReportCheck FiguresHash(PublishedVersion v)
    {
        if (v.Report is null)
        {
            return ReportCheck.Fail("figures hash", $"{ReportFiles.Json} is missing or unreadable");
        }

        var sha = ReportJson.Sha256(ReportJson.Figures(v.Report));
        return sha == v.FiguresSha256
            ? ReportCheck.Pass("figures hash", $"the {v.Report.Figures.Count} figures in report.json hash to the published {sha}")
            : ReportCheck.Fail("figures hash", $"the figures in report.json hash to {sha}, not the published {v.FiguresSha256}: a figure in report.json was changed after publication");
    }

    private static ReportCheck CsvMatchesJson(PublishedVersion v)
    {
        var csvPath = Path.Combine(v.Directory, ReportFiles.Csv);
        if (v.Report is null || !File.Exists(csvPath))
        {
            return ReportCheck.Fail("report.csv", $"{ReportFiles.Csv} or {ReportFiles.Json} is missing");
        }

        var expected = ReportFiles.CsvText(v.Report).Split("\r\n");
        var actual = Encoding.UTF8.GetString(File.ReadAllBytes(csvPath)).Split("\r\n");
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "(no row)";
            var a = i < actual.Length ? actual[i] : "(no row)";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return ReportCheck.Fail("report.csv", $"line {i + 1} reads \"{a}\" but report.json gives \"{e}\": the CSV does not say what the JSON says");
            }
        }

        return ReportCheck.Pass("report.csv", $"its {expected.Length - 2} rows are the figures of report.json");
    }

    private static ReportCheck Signature(PublishedVersion v, IReadOnlyCollection<ECDsa> keys)
    {
        if (v.TreeHead is not { } h)
        {
            return ReportCheck.Fail("tree head signature", $"{ReportFiles.Json} carries no tree head");
        }

        var key = keys.FirstOrDefault(k => LedgerSigningKey.KeyIdOf(k) == h.KeyId);
        if (key is null)
        {
            return ReportCheck.Fail("tree head signature", $"signed with key {h.KeyId}, which none of the {keys.Count} keys given is: give the ledger's public key with --public-key (GET /api/v1/ledger/public-key)");
        }

        try
        {
            var head = new TreeHead(h.Size, Convert.FromHexString(h.Root), DateTimeOffset.FromUnixTimeMilliseconds(h.TimestampMs), Convert.FromBase64String(h.Signature));
            var result = TreeHeadSigner.Verify(head, key);
            return result.IsValid
                ? ReportCheck.Pass("tree head signature", $"size {h.Size}, root {h.Root} signed by key {h.KeyId}")
                : ReportCheck.Fail("tree head signature", $"the signature over size {h.Size}, root {h.Root} does not verify under key {h.KeyId}: the tree head in report.json is forged or was altered");
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return ReportCheck.Fail("tree head signature", $"the tree head's root or signature is not well formed ({e.GetType().Name}): it was altered");
        }
    }

    private static (PublishedTreeHead?, Core.Transparency.PublishedReport?) ReadReportJson(string directory)
    {
        var path = Path.Combine(directory, ReportFiles.Json);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var text = File.ReadAllText(path);
        var h = Need(JsonNode.Parse(text) ?? throw new FormatException("report.json is null"), "treeHead");
        var head = new PublishedTreeHead(Need(h, "size").GetValue<long>(), Text(h, "root"), Need(h, "timestamp").GetValue<long>(), Text(h, "signature"), Text(h, "keyId"));
        return (head, ReportJson.Read(text));
    }

    private static JsonNode Need(JsonNode node, string name) => node[name] ?? throw new FormatException($"\"{name}\" is missing");

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? throw new FormatException($"\"{name}\" is missing");
}
