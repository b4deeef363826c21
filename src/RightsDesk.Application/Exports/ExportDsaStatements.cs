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
/// database's limit per call), and nothing else into the directory. Decisions are read in pages by keyset (the
/// decision's id, a version-7 GUID and so in order of receipt, on the primary key's index), each page a short query
/// of its own: no reader or read transaction stays open for the whole export, which on SQLite would keep the
/// write-ahead log from being checkpointed, and no page costs more than the one before. Each file is written as it
/// fills and only running totals are kept (the files' hash chained as it goes), so memory stays flat however many
/// decisions there are.
/// </summary>
public sealed class ExportDsaStatements(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const int BatchSize = 100;

    /// <summary>Decisions read per query: enough that a query's cost is spread thin, few enough to hold.</summary>
    public const int PageSize = 1_000;

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
        var files = 0;
        // The same bytes as one string of every file's hex hash and a newline, hashed at the end, chained instead.
        using var hashes = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var invalid = new List<InvalidStatement>();
        var (written, invalidCount, emails, phones) = (0, 0, 0, 0);
        var batch = new List<JsonObject>(BatchSize);

        async Task Flush()
        {
            var bytes = BatchFile.Serialize(batch);
            await File.WriteAllBytesAsync(Path.Combine(directory, BatchFile.Name(++files)), bytes, ct);
            hashes.AppendData(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\n"));
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
        var batchesSha = Convert.ToHexStringLower(hashes.GetHashAndReset());
        ledger.Record(new DsaStatementsExported(from, to, written, files, invalidCount, outside, emails, phones, batchesSha), actor, "dsa-export");
        await ledger.SaveAsync(ct);
        return new DsaExportSummary(written, new BatchNames(files), invalidCount, invalid, outside, emails, phones, clock.GetElapsedTime(started));
    }

    private IQueryable<Data.Moderation.ModerationDecisionRecord> InPeriod(DateOnly from, DateOnly to) =>
        db.ModerationDecisions.AsNoTracking().Where(r => r.ApplicationDate >= from && r.ApplicationDate <= to);

    /// <summary>The period's decisions that reach the EEA, day by day and in order of receipt within a day, a page at a
    /// time, opened one by one. Each page is a range of the (ApplicationDate, Id) index: keyset by id within one day,
    /// then the next day that has decisions, so no page reads or sorts the rest of the period.</summary>
    private async IAsyncEnumerable<(Guid Id, ModerationDecision Decision)> DecisionsAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        var next = await InPeriod(from, to).MinAsync(r => (DateOnly?)r.ApplicationDate, ct);
        while (next is { } day)
        {
            Guid? after = null;
            while (true)
            {
                var query = db.ModerationDecisions.AsNoTracking().Where(r => r.ApplicationDate == day && r.ReachesEea);
                if (after is { } last)
                {
                    // CompareTo is how a GUID's order is said in LINQ; both engines translate it to the column's own >.
                    query = query.Where(r => r.Id.CompareTo(last) > 0);
                }

                var page = await query.OrderBy(r => r.Id).Take(PageSize).Select(r => new { r.Id, r.WrappedKey, r.SealedDecision }).ToListAsync(ct);
                foreach (var r in page)
                {
                    var text = cipher.Decrypt(cipher.Unwrap(r.WrappedKey), r.SealedDecision, SealingContext.Moderation(r.Id, "decision"));
                    yield return (r.Id, JsonSerializer.Deserialize<ModerationDecision>(text, JsonNames.Options)!);
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].Id;
            }

            next = await InPeriod(from, to).Where(r => r.ApplicationDate > day).MinAsync(r => (DateOnly?)r.ApplicationDate, ct);
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
