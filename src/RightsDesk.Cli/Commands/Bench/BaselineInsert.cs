using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// The floor the ingest is measured against: the same decisions, generated the same way, inserted into the same
/// table on the same engine (a scratch database migrated like the desk's) with EF Core's AddRange and one
/// SaveChanges per batch, a context per batch as a request has: no reading, no validation, no ladder, no sealing,
/// no ledger. The decision's JSON goes into the column the sealed copy would fill.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills a scratch database with seeded rows; nothing it makes is a product record.")]
public static class BaselineInsert
{
    /// <returns>rows per second.</returns>
    public static async Task<double> RunAsync(DatabaseOptions scratch, long count, int batchSize, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        await using (var db = DataServices.CreateContext(scratch))
        {
            await DataServices.MigrateAsync(db, ct);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        await using var writer = new Utf8JsonWriter(buffer);
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var sw = Stopwatch.StartNew();
        for (long start = 0; start < count; start += batchSize)
        {
            var end = Math.Min(count, start + batchSize);
            var rows = new List<ModerationDecisionRecord>((int)(end - start));
            for (var i = start; i < end; i++)
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                var row = BenchDecisions.Write(writer, i);
                await writer.FlushAsync(ct);
                rows.Add(new ModerationDecisionRecord
                {
                    Id = Guid.CreateVersion7(at), Puid = BenchDecisions.Puid(i), ReceivedAt = at, SubmittedBy = "bench", SubmittedById = "bench",
                    Category = row.Category, DecisionGround = row.Ground, SourceType = row.Source, AutomatedDecision = row.Automation,
                    ApplicationDate = row.Applied, UserLanguage = row.Language, ReachesEea = row.ReachesEea, PolicyVersion = "baseline",
                    SealedDecision = buffer.WrittenSpan.ToArray(),
                });
            }

            await using var db = DataServices.CreateContext(scratch);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.ModerationDecisions.AddRange(rows);
            await db.SaveChangesAsync(ct);
            progress?.Report(end - start);
        }

        return count / sw.Elapsed.TotalSeconds;
    }
}
