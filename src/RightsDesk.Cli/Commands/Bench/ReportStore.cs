using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// Fills a fresh store for `bench report` with rows of the same record types, sealed with the same cipher and the
/// same encryption contexts the desk uses, written in bulk (<see cref="BulkInsert"/>: EF's columns and value conversions, one prepared INSERT per table and batch) rather than
/// through millions of requests. Moderation decisions are the generated ones of `bench ingest`, read by the strict
/// reader and placed on the ladder as the API does; demands are the worked examples, assessed by the rights assessor
/// and carried through decision, fulfilment or closure. Received dates spread evenly over July 2025 to June 2026, so
/// the half-year reported holds about half of each. What is not written is the ledger: no event per row (see
/// docs/performance.md for what that leaves out of the figure).
/// </summary>
public sealed class ReportStore(IServiceProvider services)
{
    public const int Batch = 10_000;

    private static readonly DateTimeOffset From = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) - From;

    /// <summary>When row <paramref name="i"/> of <paramref name="count"/> was received: evenly over the year, never on a boundary.</summary>
    public static DateTimeOffset ReceivedAt(long i, long count) => From + (Span * ((i + 0.5) / Math.Max(1, count)));

    public async Task AddDecisionsAsync(long count, IProgress<long>? progress, CancellationToken ct)
    {
        var policy = services.GetRequiredService<PolicyProvider>().Current;
        var ladder = policy.Moderation ?? throw new InvalidOperationException("The policy has no moderation.json: decisions cannot be placed on the ladder.");
        var cipher = services.GetRequiredService<FieldCipher>();
        List<ModerationDecisionRecord> Make(long start) =>
            MakeDecisions(start, Math.Min(count, start + Batch), count, ladder, policy.Version, cipher);

        // The next batch is made (on every core) while the last one is written: the writer is one connection.
        var next = count > 0 ? Task.Run(() => Make(0), ct) : null;
        for (long start = 0; start < count; start += Batch)
        {
            var rows = await next!;
            next = start + Batch < count ? Task.Run(() => Make(start + Batch), ct) : null;
            await SaveAsync((db, c) => BulkInsert.InsertAsync(db, rows, c), ct);
            progress?.Report(rows.Count);
        }
    }

    /// <summary>Decisions <paramref name="start"/> to <paramref name="end"/>, read as the API reads a request (at most
    /// one request's worth at a time), reviewed and sealed; the requests' worths in parallel.</summary>
    private static List<ModerationDecisionRecord> MakeDecisions(long start, long end, long count, ModerationPolicy ladder, string version, FieldCipher cipher)
    {
        var step = ModerationDecisionReader.MaxBatch;
        var parts = new List<ModerationDecisionRecord>[(int)((end - start + step - 1) / step)];
        Parallel.For(0, parts.Length, k =>
        {
            var from = start + (long)k * step;
            var to = Math.Min(end, from + step);
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                BenchDecisions.WriteBatch(writer, from, to);
            }

            using var doc = JsonDocument.Parse(buffer.WrittenMemory);
            var rows = new List<ModerationDecisionRecord>((int)(to - from));
            foreach (var item in ModerationDecisionReader.ReadBody(doc.RootElement))
            {
                var d = item.Value ?? throw new InvalidOperationException("A generated decision was refused: " + string.Join("; ", item.Errors.Select(e => e.Field + ": " + e.Message)));
                rows.Add(Decision(d, ladder, version, cipher, ReceivedAt(from + item.Index, count)));
            }

            parts[k] = rows;
        });
        return parts.SelectMany(p => p).ToList();
    }

    public async Task AddDemandsAsync(long count, IProgress<long>? progress, CancellationToken ct)
    {
        var policy = services.GetRequiredService<PolicyProvider>();
        var sealing = services.GetRequiredService<DemandSealing>();
        var examples = Directory.GetFiles(Path.Combine(policy.Directory, "examples"), "*.demand.json").Order(StringComparer.Ordinal)
            .Select(f => DemandReader.Read(File.ReadAllText(f))).ToArray();
        if (examples.Length == 0)
        {
            throw new InvalidOperationException($"No worked examples in {policy.Directory}/examples to make demands of.");
        }

        var assessor = new RightsAssessor(policy.Current);
        var assessed = examples.Select(e => assessor.Assess(e)).ToArray();
        for (long start = 0; start < count; start += Batch)
        {
            var end = Math.Min(count, start + Batch);
            var rows = new List<DemandRecord>((int)(end - start));
            var decisions = new List<DecisionRecord>();
            for (var i = start; i < end; i++)
            {
                var k = (int)(i % examples.Length);
                rows.Add(Demand(i, examples[k] with { ReceivedAt = ReceivedAt(i, count) }, assessed[k], sealing, decisions));
            }

            await SaveAsync(async (db, c) =>
            {
                await BulkInsert.InsertAsync(db, rows, c);
                await BulkInsert.InsertAsync(db, rows.SelectMany(r => r.Steps).ToList(), c);
                await BulkInsert.InsertAsync(db, decisions, c);
            }, ct);
            progress?.Report(end - start);
        }
    }

    private async Task SaveAsync(Func<RightsDeskDbContext, CancellationToken, Task> insert, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await insert(scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>(), ct);
    }

    /// <summary>The row RecordDecisions stores for a decision, with the same body serialisation, hash and sealing.</summary>
    private static ModerationDecisionRecord Decision(ModerationDecision d, ModerationPolicy ladder, string version, FieldCipher cipher, DateTimeOffset at)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(d, JsonNames.Options);
        var review = ProportionalityReview.Review(d, ladder, version);
        var (dek, wrapped) = cipher.NewDataKey();
        var record = new ModerationDecisionRecord
        {
            Id = Guid.CreateVersion7(at),
            Puid = d.Puid,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            ReceivedAt = at,
            SubmittedBy = "machine:bench-report",
            SubmittedById = "bench-report",
            Category = d.Category,
            DecisionGround = d.DecisionGround,
            SourceType = d.SourceType,
            AutomatedDecision = d.AutomatedDecision,
            Rung = review.Rung,
            DefaultRung = review.Default,
            Action = review.Action,
            State = review.Action == ModerationAction.Hold ? ModerationState.Held : ModerationState.Active,
            Findings = string.Join(",", review.Findings.Select(f => f.Code)),
            PolicyVersion = review.PolicyVersion,
            ApplicationDate = d.ApplicationDate,
            EndsOn = review.EndsOn,
            ReviewDue = review.ReviewDue,
            ReachesEea = d.ReachesEea,
            UserLanguage = d.UserLanguage,
            AccountIndex = d.Account is null ? null : cipher.BlindIndex(RecordDecisions.AccountIndexPurpose, Identifiers.Canonical(TargetType.Account, d.Account)),
            WrappedKey = wrapped,
        };
        record.SealedDecision = cipher.EncryptBytes(dek, body, SealingContext.Moderation(record.Id, "decision"));
        return record;
    }

    /// <summary>
    /// Demand <paramref name="i"/>, sealed under its own data key: a quarter still assessed, and of the rest one in
    /// three decided and open, one fulfilled, one closed, each with the steps and the sealed decision the desk records.
    /// </summary>
    private static DemandRecord Demand(long i, Demand demand, AssessmentResult assessment, DemandSealing sealing, List<DecisionRecord> decisions)
    {
        var at = demand.ReceivedAt;
        var (dek, wrapped) = sealing.NewDataKey();
        var record = new DemandRecord
        {
            Id = Guid.CreateVersion7(at),
            Kind = demand.Kind,
            State = DemandState.Assessed,
            Emergency = demand.Emergency,
            ReceivedAt = at,
            Deadline = demand.Deadline,
            AuthorityCountry = demand.Authority.Country.Value,
            AuthorityName = demand.Authority.Name,
            AuthorityType = demand.Authority.Type,
            LegalProcess = demand.LegalProcess,
            Channel = demand.Channel,
            CreatedBy = "console:bench-report",
            CreatedById = "bench-report",
            CreatedAt = at,
            UpdatedAt = at,
            WrappedKey = wrapped,
            Recommendation = assessment.Recommendation,
            EscalationRequired = assessment.Escalation.Required,
            RequiredApprovals = assessment.RequiredApprovals,
            PolicyVersion = assessment.PolicyVersion,
            AssessedAt = at.AddMinutes(5),
            Version = Guid.CreateVersion7(at),
        };
        record.SealedDemand = sealing.SealJson(dek, record.Id, "demand", demand);
        record.SealedAssessment = sealing.SealJson(dek, record.Id, "assessment", assessment);
        Step(record, at.AddMinutes(5), WorkflowAction.Assess, DemandState.Received, DemandState.Assessed);
        if (i % 4 == 0)
        {
            return record;
        }

        var decidedAt = at.AddHours(20 + i % 50);
        var decision = new Decision(assessment.Recommendation, "person:bench-reviewer", decidedAt, null, false, [], [], [], assessment.RequiredApprovals, "bench-reviewer");
        var row = new DecisionRecord
        {
            Id = Guid.CreateVersion7(decidedAt),
            DemandId = record.Id,
            Outcome = decision.Outcome,
            DecidedBy = decision.DecidedBy,
            DecidedById = decision.DecidedById,
            DecidedAt = decidedAt,
            RequiredApprovals = decision.RequiredApprovals,
        };
        row.SealedDecision = sealing.SealJson(dek, row.Id, "decision", decision);
        decisions.Add(row);
        Step(record, decidedAt, WorkflowAction.Decide, DemandState.Assessed, DemandState.Decided);
        var (action, to) = (i % 4) switch
        {
            1 => ((WorkflowAction?)null, DemandState.Decided),
            2 => (WorkflowAction.Fulfil, DemandState.Fulfilled),
            _ => (WorkflowAction.Close, DemandState.Closed),
        };
        if (action is { } done)
        {
            Step(record, decidedAt.AddHours(30), done, DemandState.Decided, to);
        }

        record.State = to;
        return record;
    }

    private static void Step(DemandRecord record, DateTimeOffset at, WorkflowAction action, DemandState from, DemandState to) =>
        record.Steps.Add(new DemandStep { DemandId = record.Id, At = at, Actor = "person:bench-reviewer", Action = action, From = from, To = to });
}
