using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>A reading and what the same metric gives at the same tree size now.</summary>
public sealed record Recomputation(Guid Reading, decimal Stored, decimal Recomputed, long TreeSize)
{
    public bool Matches => Stored == Recomputed;
}

/// <summary>
/// Benchmarks on live figures (US–EU HRD recommendation #4, UNGP 20): bound to a registered metric, read from the
/// ledger at a recorded tree size, and a reading off target raises a review of the assessment.
/// </summary>
public sealed class Benchmarks(ImpactStore store, IMetricRegistry metrics, ImpactReviews reviews, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid?> CreateAsync(Guid assessment, BenchmarkInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        var errors = new List<FieldError>();
        var metric = metrics.Find(input.Metric);
        if (metric is null)
        {
            errors.Add(new FieldError("metric", "Not a registered metric; one of: " + string.Join(", ", metrics.All.Select(m => m.Id)) + "."));
        }
        else if (input.Country is not null && !metric.ByCountry)
        {
            errors.Add(new FieldError("country", "This metric is not read by country."));
        }

        if (input.Mitigation is { } m && !await store.Db.ImpactMitigations.AnyAsync(x => x.Id == m && x.AssessmentId == assessment, ct))
        {
            errors.Add(new FieldError("mitigation", "Not a mitigation of this assessment."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var now = clock.GetUtcNow();
        var row = new BenchmarkRecord
        {
            Id = Guid.CreateVersion7(now), AssessmentId = assessment, Title = input.Title, Metric = input.Metric, Country = input.Country,
            MitigationId = input.Mitigation, Commitment = input.Commitment, Baseline = input.Baseline, Target = input.Target, Direction = input.Direction, CreatedAt = now,
        };
        store.Db.Benchmarks.Add(row);
        ledger.Record(new BenchmarkCreated(assessment, row.Id, row.Metric, row.Country, row.Baseline, row.Target, row.Direction, row.MitigationId), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }

    /// <summary>Reads the benchmark's metric over the ledger as it stands; off target, raises a review.</summary>
    /// <returns>Null when there is no such benchmark.</returns>
    public async Task<ReadingView?> TakeReadingAsync(Guid benchmark, Actor by, CancellationToken ct)
    {
        var row = await store.Db.Benchmarks.FirstOrDefaultAsync(b => b.Id == benchmark, ct);
        if (row is null)
        {
            return null;
        }

        // A review is raised when the benchmark goes off target, not again on every reading while it stays there: the
        // review raised then is where the plan is reconsidered, and a weekly schedule would otherwise bury it in copies.
        var previous = await store.Db.BenchmarkReadings.AsNoTracking().Where(r => r.BenchmarkId == benchmark)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.TreeSize).Select(r => (bool?)r.OnTarget).FirstOrDefaultAsync(ct);
        var size = await metrics.TreeSizeAsync(ct);
        var value = await metrics.ReadAsync(row.Metric, row.Country, size, ct);
        var onTarget = new BenchmarkTarget(row.Baseline, row.Target, row.Direction).OnTarget(value);
        var now = clock.GetUtcNow();
        var reading = new BenchmarkReadingRecord { Id = Guid.CreateVersion7(now), BenchmarkId = benchmark, Value = value, At = now, TreeSize = size, OnTarget = onTarget };
        store.Db.BenchmarkReadings.Add(reading);
        ledger.Record(new BenchmarkReadingTaken(benchmark, reading.Id, value, size, onTarget), by, row.AssessmentId.ToString());
        if (!onTarget && previous != false)
        {
            await reviews.RaiseAsync(row.AssessmentId, ReviewCause.BenchmarkOffTarget, benchmark, ct);
        }

        await ledger.SaveAsync(ct);
        return new ReadingView(reading.Id, value, now, size, onTarget);
    }

    /// <summary>Takes a reading of every benchmark (the monitoring schedule, and the demo).</summary>
    public async Task<int> TakeAllAsync(Actor by, CancellationToken ct)
    {
        var ids = await store.Db.Benchmarks.AsNoTracking().OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await TakeReadingAsync(id, by, ct);
        }

        return ids.Count;
    }

    /// <summary>
    /// The monitoring schedule: reads, as the system, every benchmark whose last reading is at least the policy's
    /// <c>benchmarkReadingDays</c> old (or that has none yet).
    /// </summary>
    /// <returns>How many readings were taken.</returns>
    public async Task<int> TakeDueAsync(CancellationToken ct)
    {
        var all = await store.Db.Benchmarks.AsNoTracking().OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(ct);
        if (all.Count == 0)
        {
            // Checked first: a store whose policy has no impact.json has no benchmarks, and then no rules to read.
            return 0;
        }

        var due = clock.GetUtcNow().AddDays(-store.Rules.BenchmarkReadingDays);
        var last = (await store.Db.BenchmarkReadings.AsNoTracking().Select(r => new { r.BenchmarkId, r.At }).ToListAsync(ct))
            .GroupBy(r => r.BenchmarkId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var ids = all.Where(id => !last.TryGetValue(id, out var at) || at <= due).ToList();
        foreach (var id in ids)
        {
            await TakeReadingAsync(id, Actor.System("benchmark schedule"), ct);
        }

        return ids.Count;
    }

    /// <summary>Computes every stored reading again at its tree size, for anyone who doubts one.</summary>
    /// <returns>Null when there is no such benchmark.</returns>
    public async Task<IReadOnlyList<Recomputation>?> RecomputeAllAsync(Guid benchmark, CancellationToken ct)
    {
        var row = await store.Db.Benchmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == benchmark, ct);
        if (row is null)
        {
            return null;
        }

        var readings = await store.Db.BenchmarkReadings.AsNoTracking().Where(r => r.BenchmarkId == benchmark).OrderBy(r => r.At).ThenBy(r => r.TreeSize).ToListAsync(ct);
        var result = new List<Recomputation>();
        foreach (var r in readings)
        {
            result.Add(new Recomputation(r.Id, r.Value, await metrics.ReadAsync(row.Metric, row.Country, r.TreeSize, ct), r.TreeSize));
        }

        return result;
    }
}
