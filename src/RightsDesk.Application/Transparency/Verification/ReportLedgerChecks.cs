using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Transparency.Verification;

/// <summary>
/// The checks of a published version against the ledger: its publication event says what the files say; the ledger's
/// first tree-size events give the report's root; the report's tree head is a prefix of the latest signed head (RFC
/// 6962 consistency proof); and the publication event is in that head (inclusion proof). The ledger is rebuilt from
/// the stored leaf hashes, so a removed, inserted or altered event shows as a root that does not match.
/// </summary>
public sealed class ReportLedgerChecks(RightsDeskDbContext db)
{
    private const int Batch = 10_000;

    /// <summary>The publication event's sequence number (for the caller's later checks), and the checks.</summary>
    public async Task<(long? EventSeq, List<ReportCheck> Checks)> RunAsync(PublishedVersion v, Guid reportId, IReadOnlyCollection<ECDsa> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(keys);
        var checks = new List<ReportCheck>();
        var subject = reportId.ToString();
        var row = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.Code == (int)LedgerEventCode.TransparencyReportPublished && e.SubjectId == subject)
            .FirstOrDefaultAsync(ct);
        var tree = await TreeAsync(ct);
        checks.Add(EventMatches(v, row, tree.Size));
        var covers = TreeCovers(v, tree);
        checks.Add(covers);
        if (!covers.Passed)
        {
            return (row?.Seq, checks);
        }

        var (latest, headCheck) = await LatestHeadAsync(tree, keys, ct);
        checks.Add(headCheck);
        var head = latest is not null && latest.TreeSize >= v.TreeSize ? latest : null;
        var size = head?.TreeSize ?? tree.Size;
        var root = tree.RootHash(size);
        var proof = tree.ConsistencyProof(v.TreeSize, size);
        var consistent = v.TreeSize == 0 ? VerificationResult.Valid : MerkleVerifier.VerifyConsistency((ulong)v.TreeSize, (ulong)size, Convert.FromHexString(v.TreeRoot), root, proof);
        checks.Add(consistent.IsValid
            ? ReportCheck.Pass("consistency", $"the report's tree head (size {v.TreeSize}) is a prefix of the {(head is null ? "unsigned ledger" : "latest signed head")} of size {size} (RFC 6962 proof of {proof.Length} hashes)")
            : ReportCheck.Fail("consistency", $"the report's tree head of size {v.TreeSize} is not a prefix of the head of size {size} ({consistent}): the ledger was rewritten after the report"));
        if (row is not null && row.Seq < size)
        {
            var inclusion = MerkleVerifier.VerifyInclusion(row.LeafHash, (ulong)row.Seq, (ulong)size, tree.InclusionProof(row.Seq, size), root);
            var own = LedgerAudit.CheckEvent(row);
            checks.Add(inclusion.IsValid && own is null
                ? ReportCheck.Pass("inclusion", $"the publication event {row.Seq} is in the head of size {size} (RFC 6962 inclusion proof)")
                : ReportCheck.Fail("inclusion", $"the publication event {row.Seq} {own ?? "is not in the head of size " + size.ToString(CultureInfo.InvariantCulture) + " (" + inclusion + ")"}"));
        }
        else if (row is not null)
        {
            checks.Add(ReportCheck.Fail("inclusion", $"no signed tree head covers the publication event {row.Seq} yet: wait for the next tree head (or issue one) and run this again"));
        }

        return (row?.Seq, checks);
    }

    private static ReportCheck EventMatches(PublishedVersion v, LedgerEventRecord? row, long ledgerSize)
    {
        if (row is null)
        {
            return ReportCheck.Fail("publication event", $"the ledger ({ledgerSize} events) has no TransparencyReportPublished event for {v.Period} version {v.Version}: the ledger was truncated after the report, or the report was not published from this store");
        }

        using var doc = JsonDocument.Parse(row.Data);
        var fields = doc.RootElement.GetProperty("fields");
        string? F(string name) => fields.TryGetProperty(name, out var f) ? f.GetString() : null;
        var differ = new List<string>();
        void Compare(string what, string? ledgered, string published)
        {
            if (!string.Equals(ledgered, published, StringComparison.Ordinal))
            {
                differ.Add($"{what}: the ledger says {ledgered ?? "nothing"}, the files say {published}");
            }
        }

        Compare("period", F("period"), v.Period);
        Compare("version", F("version"), v.Version.ToString(CultureInfo.InvariantCulture));
        Compare("tree size", F("treeSize"), v.TreeSize.ToString(CultureInfo.InvariantCulture));
        Compare("tree root", F("treeRoot"), v.TreeRoot);
        Compare("policy version", F("policyVersion"), v.PolicyVersion);
        Compare("parameters SHA-256", F("parametersSha256"), v.ParametersSha256);
        Compare("records root", F("recordsRoot"), v.RecordsRoot);
        Compare("figures SHA-256", F("figuresSha256"), v.FiguresSha256);
        foreach (var file in fields.EnumerateObject().Where(f => f.Name.StartsWith("file:", StringComparison.Ordinal)))
        {
            Compare(file.Name[5..], file.Value.GetString(), v.Files.GetValueOrDefault(file.Name[5..]) ?? "no such file");
        }

        return differ.Count == 0
            ? ReportCheck.Pass("publication event", $"event {row.Seq} records the same tree head, records root, parameters and file hashes as the files")
            : ReportCheck.Fail("publication event", $"event {row.Seq} differs from the files: " + string.Join("; ", differ) + " (the files or the manifest were changed after publication)");
    }

    private static ReportCheck TreeCovers(PublishedVersion v, MerkleTree tree)
    {
        if (tree.Size < v.TreeSize)
        {
            return ReportCheck.Fail("tree head", $"the ledger holds {tree.Size} events but the report was computed at a tree head of {v.TreeSize}: events were removed from the end of the ledger after the report");
        }

        var root = HashText.ToHex(tree.RootHash(v.TreeSize));
        return root == v.TreeRoot
            ? ReportCheck.Pass("tree head", $"the ledger's first {v.TreeSize} events give the report's root {root}")
            : ReportCheck.Fail("tree head", $"the ledger's first {v.TreeSize} events give root {root}, not the report's {v.TreeRoot}: the report's tree head is not this ledger's (forged) or the ledger was rewritten before it (run `rightsdesk ledger verify`)");
    }

    /// <summary>The latest signed tree head, checked (signature, and root against the events); null when there is none
    /// the ledger still covers.</summary>
    private async Task<(TreeHeadRecord?, ReportCheck)> LatestHeadAsync(MerkleTree tree, IReadOnlyCollection<ECDsa> keys, CancellationToken ct)
    {
        var head = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).ThenByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return (null, ReportCheck.Fail("latest tree head", "the ledger has no signed tree head"));
        }

        if (head.TreeSize > tree.Size)
        {
            return (null, ReportCheck.Fail("latest tree head", $"the latest signed tree head vouches for {head.TreeSize} events but the ledger holds {tree.Size}: events were removed from the end of the ledger"));
        }

        var key = keys.FirstOrDefault(k => LedgerSigningKey.KeyIdOf(k) == head.KeyId);
        var signed = key is not null && TreeHeadSigner.Verify(new TreeHead(head.TreeSize, head.RootHash, head.Timestamp, head.Signature), key).IsValid;
        var rootMatches = tree.RootHash(head.TreeSize).AsSpan().SequenceEqual(head.RootHash);
        return (signed && rootMatches)
            ? (head, ReportCheck.Pass("latest tree head", $"size {head.TreeSize}, signed by key {head.KeyId}, root matches the events"))
            : (head, ReportCheck.Fail("latest tree head", key is null
                ? $"signed with key {head.KeyId}, which none of the keys given is (give --public-key)"
                : rootMatches ? "its signature does not verify: it was altered" : "its root is not what the events give: run `rightsdesk ledger verify`"));
    }

    private async Task<MerkleTree> TreeAsync(CancellationToken ct)
    {
        var tree = new MerkleTree();
        long next = 0;
        while (true)
        {
            var from = next;
            var batch = await db.LedgerEvents.AsNoTracking().Where(e => e.Seq >= from).OrderBy(e => e.Seq).Take(Batch)
                .Select(e => new { e.Seq, e.LeafHash }).ToListAsync(ct);
            foreach (var e in batch)
            {
                if (e.Seq != next)
                {
                    // A gap: the tree of the events as numbered ends here, and every root past it fails to match.
                    return tree;
                }

                tree.AppendLeafHash(e.LeafHash);
                next++;
            }

            if (batch.Count < Batch)
            {
                return tree;
            }
        }
    }
}
