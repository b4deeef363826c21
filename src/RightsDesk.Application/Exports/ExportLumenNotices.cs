using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Exports;

/// <summary>A takedown demand held back by a non-disclosure order, by its reference (never its contents).</summary>
public sealed record LumenHeld(string Reference, DateOnly? Until);

/// <summary>What a Lumen export wrote, took out and left out.</summary>
public sealed record LumenExportSummary(
    IReadOnlyList<string> Files, int CourtOrders, int GovernmentRequests,
    IReadOnlyDictionary<LumenRedactionKind, int> Redactions, IReadOnlyDictionary<LumenSkip, int> Skipped, IReadOnlyList<LumenHeld> Held);

/// <summary>
/// Writes a Lumen notice for each government or court takedown demand (content and account restrictions) received
/// between two days (inclusive) whose decision is recorded: one file per notice, <c>notice-REFERENCE.json</c>, holding
/// <c>{"notice":{...},"redactions":[...]}</c> (the body Lumen's <c>POST /notices</c> takes, and beside it the
/// redactions with their reasons). A demand under a non-disclosure order in force is not written until the order
/// ends; it and those not decided yet are counted by reason. The cases are opened through the demand sealing.
/// </summary>
public sealed partial class ExportLumenNotices(RightsDeskDbContext db, DemandSealing sealing, PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    /// <summary>Names in their own script (İstanbul, not \u0130stanbul): the files are read by people and by Lumen's
    /// JSON parser, never embedded in HTML, so only what JSON itself requires is escaped.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<LumenExportSummary> RunAsync(DateOnly from, DateOnly to, string directory, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (to < from)
        {
            throw new InvalidOperationException("--to is before --from.");
        }

        PrepareDirectory(directory);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var records = await db.Demands.AsNoTracking()
            .Where(d => (d.Kind == Core.Demands.DemandKind.ContentRestriction || d.Kind == Core.Demands.DemandKind.AccountRestriction)
                && d.ReceivedAt >= start && d.ReceivedAt < end)
            .ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.DemandId) && !d.Superseded).ToListAsync(ct))
            .ToLookup(d => d.DemandId);

        var platform = policy.Current.Operator.Name;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var redactions = Enum.GetValues<LumenRedactionKind>().ToDictionary(k => k, _ => 0);
        var skipped = Enum.GetValues<LumenSkip>().ToDictionary(k => k, _ => 0);
        var held = new List<LumenHeld>();
        var (courtOrders, governmentRequests) = (0, 0);
        foreach (var r in records.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id))
        {
            var demand = sealing.Demand(r);
            var row = decisions[r.Id].OrderByDescending(d => d.DecidedAt).FirstOrDefault();
            var decision = row is null ? null : sealing.Decision(r, row);
            var reference = r.Reference ?? r.Id.ToString("N");
            if (LumenNotice.Skip(demand, r.State, decision, today) is { } skip)
            {
                skipped[skip]++;
                if (skip is LumenSkip.NonDisclosureInForce)
                {
                    held.Add(new LumenHeld(reference, demand.NonDisclosure?.Until));
                }

                continue;
            }

            var draft = LumenNotice.Build(demand, decision!, platform);
            foreach (var x in draft.Redactions)
            {
                redactions[x.Kind]++;
            }

            if (draft.Type == LumenNotice.CourtOrder)
            {
                courtOrders++;
            }
            else
            {
                governmentRequests++;
            }

            files[$"notice-{SafeName().Replace(reference, "-")}.json"] = Serialize(draft);
        }

        var hashes = new StringBuilder();
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes, ct);
            hashes.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(hashes.ToString())));
        ledger.Record(new LumenNoticesExported(from, to, files.Count, courtOrders, governmentRequests,
            redactions[LumenRedactionKind.Account], redactions[LumenRedactionKind.Email], redactions[LumenRedactionKind.Phone], redactions[LumenRedactionKind.Official],
            skipped[LumenSkip.NoDecision], skipped[LumenSkip.AwaitingApproval], skipped[LumenSkip.WaitingForAuthority], skipped[LumenSkip.NonDisclosureInForce], sha),
            actor, "lumen-export");
        await ledger.SaveAsync(ct);
        return new LumenExportSummary([.. files.Keys], courtOrders, governmentRequests, redactions, skipped, held);
    }

    public static bool IsNoticeName(string name) => NoticeName().IsMatch(name);

    private static byte[] Serialize(LumenDraft draft)
    {
        var body = new JsonObject
        {
            ["notice"] = draft.Notice,
            ["redactions"] = new JsonArray([.. draft.Redactions.Select(r => (JsonNode)new JsonObject
            {
                ["field"] = r.Field, ["kind"] = JsonNames.Of(r.Kind), ["reason"] = r.Reason,
            })]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, Indented);
    }

    /// <summary>
    /// The directory holds this export's notices only: earlier notice files are removed (a demand no longer exported,
    /// say after its decision was sent back, must not linger), and a directory with anything else in it is refused.
    /// </summary>
    private static void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        var entries = Directory.EnumerateFileSystemEntries(directory).ToList();
        var foreign = entries.FirstOrDefault(e => !IsNoticeName(Path.GetFileName(e)) || Directory.Exists(e));
        if (foreign is not null)
        {
            throw new InvalidOperationException($"{directory} holds {Path.GetFileName(foreign)}, which is not a Lumen notice file: give an empty directory or one with earlier notices only.");
        }

        foreach (var e in entries)
        {
            File.Delete(e);
        }
    }

    [GeneratedRegex(@"^notice-[A-Za-z0-9-]+\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex NoticeName();

    [GeneratedRegex(@"[^A-Za-z0-9-]", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
