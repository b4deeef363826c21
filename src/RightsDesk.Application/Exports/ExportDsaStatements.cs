using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Exports;

/// <summary>A statement the database would refuse: not written, reported by the decision's id (never its puid).</summary>
public sealed record InvalidStatement(Guid DecisionId, IReadOnlyList<FieldError> Errors);

/// <summary>What an export wrote and left out.</summary>
public sealed record DsaExportSummary(
    int Statements, IReadOnlyList<string> Files, int Invalid, IReadOnlyList<InvalidStatement> InvalidItems, int OutsideEea,
    int EmailsRedacted, int PhonesRedacted, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed <= TimeSpan.Zero ? Statements : Statements / Elapsed.TotalSeconds;
}

/// <summary>
/// Writes the statements of reasons of the decisions applied between two days (inclusive) as the Transparency
/// Database's batch files: <c>batch-00001.json</c>, ... each <c>{"statements":[...]}</c> of at most 100 (the
/// database's limit per call), and nothing else into the directory. Decisions are read from the database as a
/// stream, one at a time, and each file is written as it fills, so memory stays flat however many there are.
/// </summary>
public sealed class ExportDsaStatements(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const int BatchSize = 100;

    /// <summary>The invalid statements named in the summary; the rest are counted only.</summary>
    private const int InvalidListed = 50;

    public async Task<DsaExportSummary> RunAsync(DateOnly from, DateOnly to, string directory, Actor actor, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (to < from)
        {
            throw new InvalidOperationException("--to is before --from.");
        }

        PrepareDirectory(directory);
        var started = clock.GetTimestamp();
        var key = cipher.Ring.ExportKey;
        var files = new List<string>();
        var hashes = new StringBuilder();
        var invalid = new List<InvalidStatement>();
        var (written, invalidCount, emails, phones) = (0, 0, 0, 0);
        var batch = new List<JsonObject>(BatchSize);

        async Task Flush()
        {
            var name = $"batch-{files.Count + 1:D5}.json";
            var bytes = BatchFile.Serialize(batch);
            await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes, ct);
            files.Add(name);
            hashes.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
            written += batch.Count;
            batch.Clear();
            progress?.Report(written);
        }

        await foreach (var (id, decision) in DecisionsAsync(from, to, ct))
        {
            var draft = DsaStatement.Build(decision, DsaStatement.Pseudonym(key, decision.Puid));
            var errors = DsaStatementRules.Validate(draft.Statement);
            if (errors.Count > 0)
            {
                invalidCount++;
                if (invalid.Count < InvalidListed)
                {
                    invalid.Add(new InvalidStatement(id, errors));
                }

                continue;
            }

            emails += draft.Emails;
            phones += draft.Phones;
            batch.Add(draft.Statement);
            if (batch.Count == BatchSize)
            {
                await Flush();
            }
        }

        if (batch.Count > 0)
        {
            await Flush();
        }

        var outside = await InPeriod(from, to).CountAsync(r => !r.ReachesEea, ct);
        var batchesSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(hashes.ToString())));
        ledger.Record(new DsaStatementsExported(from, to, written, files.Count, invalidCount, outside, emails, phones, batchesSha), actor, "dsa-export");
        await ledger.SaveAsync(ct);
        return new DsaExportSummary(written, files, invalidCount, invalid, outside, emails, phones, clock.GetElapsedTime(started));
    }

    private IQueryable<Data.Moderation.ModerationDecisionRecord> InPeriod(DateOnly from, DateOnly to) =>
        db.ModerationDecisions.AsNoTracking().Where(r => r.ApplicationDate >= from && r.ApplicationDate <= to);

    /// <summary>The period's decisions that reach the EEA, opened one by one as the reader streams them.</summary>
    private async IAsyncEnumerable<(Guid Id, ModerationDecision Decision)> DecisionsAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = InPeriod(from, to).Where(r => r.ReachesEea).OrderBy(r => r.ApplicationDate).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.WrappedKey, r.SealedDecision }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var text = cipher.Decrypt(cipher.Unwrap(r.WrappedKey), r.SealedDecision, SealingContext.Moderation(r.Id, "decision"));
            yield return (r.Id, JsonSerializer.Deserialize<ModerationDecision>(text, JsonNames.Options)!);
        }
    }

    /// <summary>
    /// The directory holds this export's batches only: earlier batch files are removed (a shorter period would
    /// leave stale ones beside the new), and a directory with anything else in it is refused rather than mixed into.
    /// </summary>
    private static void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        var entries = Directory.EnumerateFileSystemEntries(directory).ToList();
        var foreign = entries.FirstOrDefault(e => !BatchFile.IsBatchName(Path.GetFileName(e)) || Directory.Exists(e));
        if (foreign is not null)
        {
            throw new InvalidOperationException($"{directory} holds {Path.GetFileName(foreign)}, which is not a batch file: give an empty directory or one with earlier batches only.");
        }

        foreach (var e in entries)
        {
            File.Delete(e);
        }
    }
}
