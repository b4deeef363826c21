using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Transparency;
using RightsDesk.Application.Transparency.Dsa;
using RightsDesk.Application.Transparency.Rollups;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Transparency;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// `rightsdesk bench report`: builds its own SQLite store (10 million moderation decisions and 200,000 demands unless
/// told fewer; or reuses the one an earlier run kept), then times the half-year transparency report (2026-H1 or, told
/// so, 2025-H2, published as `report --period` does: moderation
/// from the rollup) beside the same report with every source read from its records (the full scan `report verify`
/// does), and the year's DSA export, each beside a plain GROUP BY count over the same rows in the same engine and run.
/// Figures go to stdout, one a line as <c>name: value unit</c>; progress goes to stderr.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills a scratch store with seeded rows; nothing it makes is a product record.")]
public static class ReportBench
{
    /// <summary>The halves the store's dates cover (July 2025 to June 2026), either of which can be timed.</summary>
    private static readonly string[] Halves = ["2026-H1", "2025-H2"];

    public static Command Create()
    {
        var decisions = new Option<long>("--decisions") { Description = "Moderation decisions in the store.", DefaultValueFactory = _ => 10_000_000 };
        var demands = new Option<long>("--demands") { Description = "Demands in the store.", DefaultValueFactory = _ => 200_000 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the store here instead of a temporary directory that is removed." };
        var reuse = new Option<bool>("--reuse") { Description = "With --data-dir: time over the store an earlier run kept there instead of building one (its counts are read from it)." };
        var half = new Option<string>("--period") { Description = "The half to time: 2026-H1 or 2025-H2 (the store's dates cover both; the DSA export times that half's year).", DefaultValueFactory = _ => Halves[0] };
        var command = new Command("report", "Time the half-year transparency report and the DSA export over a store it builds, against a GROUP BY count of the same rows.")
        {
            decisions, demands, dataDir, reuse, half,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (n, m) = (parse.GetValue(decisions), parse.GetValue(demands));
            if (n < 0 || m < 0 || n + m == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--decisions and --demands must be 0 or more, and not both 0.");
                return 2;
            }

            var (dir, again, period) = (parse.GetValue(dataDir), parse.GetValue(reuse), parse.GetValue(half)!);
            if (!Halves.Contains(period, StringComparer.Ordinal))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--period must be {string.Join(" or ", Halves)}: the halves the store's dates cover.");
                return 2;
            }

            if (again && (dir is null || !File.Exists(Path.Combine(dir, StoreFile))))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--reuse needs the --data-dir of an earlier run, holding its {StoreFile}.");
                return 2;
            }

            return await RunAsync(n, m, dir, again, ReportPeriod.Parse(period), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private const string StoreFile = "report.db";

    private static async Task<int> RunAsync(long decisions, long demands, string? dataDir, bool reuse, ReportPeriod half, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        await using var store = BenchStore.Create(dataDir, postgres: null);
        var database = await store.NewDatabaseAsync(Path.GetFileNameWithoutExtension(StoreFile), ct);
        await using var provider = await CliStore.OpenAsync(new StoreSettings(database, Path.Combine(store.Directory, "keys.json")), ct);
        var year = new ReportPeriod(half.Year, null);
        var lines = new List<(string Name, string Value, string Unit)>();
        if (reuse)
        {
            (decisions, demands) = await CountStoredAsync(provider, ct);
            await error.WriteLineAsync(F($"bench report: reusing {decisions:N0} moderation decisions and {demands:N0} demands on sqlite in {store.Directory}"));
            if (await PublishedAsync(provider, half, ct))
            {
                // Its figures would be found unchanged and nothing written: that would time less than a publication.
                await error.WriteLineAsync($"bench report: {half.Label} is already published in this store; time the other half with --period.");
                return 2;
            }

            lines.AddRange([("stored_decisions", I(decisions), "decisions"), ("stored_demands", I(demands), "demands"), ("processors", I(Environment.ProcessorCount), "cores")]);
        }
        else
        {
            await error.WriteLineAsync(F($"bench report: {decisions:N0} moderation decisions and {demands:N0} demands on sqlite in {store.Directory}"));
            var builder = new ReportStore(provider);
            var build = Stopwatch.StartNew();
            await WithProgress(console, "moderation decisions", decisions, p => builder.AddDecisionsAsync(decisions, p, ct));
            await WithProgress(console, "demands", demands, p => builder.AddDemandsAsync(demands, p, ct));
            var buildTime = build.Elapsed;
            // The rows went in by bulk insert, around the saves that keep the rollup: it is rebuilt once, as after a restore.
            var rebuild = await Measure(() => RebuildAsync(provider, ct));
            await error.WriteLineAsync("bench report: rebuilding the demand rollup (every case opened once)");
            var demandRebuild = await Measure(() => RebuildDemandsAsync(provider, ct));
            lines.AddRange(
            [
                ("stored_decisions", I(decisions), "decisions"),
                ("stored_demands", I(demands), "demands"),
                ("processors", I(Environment.ProcessorCount), "cores"),
                ("store_build_time", D(buildTime.TotalSeconds, 1), "s"),
                ("store_build_rate", D((decisions + demands) / buildTime.TotalSeconds, 0), "rows/s"),
                ("rollup_rebuild_rows", I(rebuild.Value), "rows"),
                ("rollup_rebuild_time", D(rebuild.Elapsed.TotalMilliseconds, 1), "ms"),
                ("demand_rollup_rebuild_rows", I(demandRebuild.Value), "rows"),
                ("demand_rollup_rebuild_time", D(demandRebuild.Elapsed.TotalMilliseconds, 1), "ms"),
            ]);
        }

        // An untimed report for an empty half pays for the JIT and the first pages, not for the rows measured.
        await PublishAsync(provider, new ReportPeriod(2024, 1), ct);
        await PublishAsync(provider, new ReportPeriod(2024, 1), ct, fullScan: true);
        var phases = new PhaseClock();
        var report = await Measure(async () => (await PublishOutcomeAsync(provider, half, false, [], ct, phases)).Report);
        phases.Stop();
        // Second, so it finds the version the first published: when its figures are the same it returns that
        // version without writing its own records, which only flatters the full scan.
        var scan = await Measure(() => FullScanAsync(provider, half, ct));
        var reportBaseline = await Measure(() => CountDemandsAsync(provider, half, ct));
        var dsa = await Measure(() => DsaAsync(provider, year.Year, ct));
        var dsaBaseline = await Measure(() => CountDecisionsAsync(provider, year, ct));

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var records = report.Value.RecordCount;
        lines.AddRange(
        [
            ("report_year", I(half.Year), "year"),
            ("report_half", I(half.Half!.Value), "half"),
            ("report_records", I(records), "records"),
            ("report_with_rollups", D(report.Elapsed.TotalMilliseconds, 1), "ms"),
            ("report_gc_heap_peak", D(report.HeapPeak / 1048576.0, 1), "MB"),
            ("report_full_scan", D(scan.Elapsed.TotalMilliseconds, 1), "ms"),
            ("report_full_scan_records", I(scan.Value.Records), "records"),
            ("report_full_scan_gc_heap_peak", D(scan.HeapPeak / 1048576.0, 1), "MB"),
            ("report_full_scan_to_rollups_ratio", D(scan.Elapsed / report.Elapsed, 1), "x"),
            ("report_full_scan_figures_differing", scan.Value.Identical ? "0" : "1", "reports"),
            ("baseline_group_by_demands_rows", I(reportBaseline.Value), "rows"),
            ("baseline_group_by_demands_time", D(reportBaseline.Elapsed.TotalMilliseconds, 1), "ms"),
            ("report_with_rollups_to_baseline_ratio", D(report.Elapsed / reportBaseline.Elapsed, 1), "x"),
            ("dsa_year", I(year.Year), "year"),
            ("dsa_sheets", I(dsa.Value), "sheets"),
            ("dsa_export_time", D(dsa.Elapsed.TotalMilliseconds, 1), "ms"),
            ("dsa_gc_heap_peak", D(dsa.HeapPeak / 1048576.0, 1), "MB"),
            ("baseline_group_by_decisions_rows", I(dsaBaseline.Value), "rows"),
            ("baseline_group_by_decisions_time", D(dsaBaseline.Elapsed.TotalMilliseconds, 1), "ms"),
            ("dsa_to_baseline_ratio", D(dsa.Elapsed / dsaBaseline.Elapsed, 1), "x"),
            ("peak_working_set", D(self.PeakWorkingSet64 / 1048576.0, 1), "MB"),
        ]);
        lines.InsertRange(lines.FindIndex(l => l.Name == "report_gc_heap_peak") + 1,
            phases.Phases.Select(p => ("report_phase_" + p.Name, D(p.Elapsed.TotalMilliseconds, 1), "ms")));
        foreach (var (name, value, unit) in lines)
        {
            await output.WriteLineAsync(name + ": " + value + " " + unit);
        }

        return 0;
    }

    /// <summary>The half-year published as `report --period` publishes it: a tree head, every source, small numbers, the record and its event.</summary>
    private static async Task<Data.Transparency.TransparencyReportRecord> PublishAsync(IServiceProvider provider, ReportPeriod period, CancellationToken ct, bool fullScan = false) =>
        (await PublishOutcomeAsync(provider, period, fullScan, [], ct)).Report;

    /// <summary>The same report with every source recounting from its records (as `report verify` reads them), no rollup.</summary>
    private static async Task<(long Records, bool Identical)> FullScanAsync(IServiceProvider provider, ReportPeriod period, CancellationToken ct)
    {
        var read = new List<int>();
        var outcome = await PublishOutcomeAsync(provider, period, fullScan: true, read, ct);
        // Not created: the figures hash to those the report from the rollups published.
        return (read.Sum(), !outcome.Created);
    }

    private static async Task<int> RebuildDemandsAsync(IServiceProvider provider, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemandRollupStore>().RebuildAsync(ct);
    }

    private static async Task<int> RebuildAsync(IServiceProvider provider, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ModerationRollupStore>().RebuildAsync(ct);
    }

    private static async Task<PublishOutcome> PublishOutcomeAsync(IServiceProvider provider, ReportPeriod period, bool fullScan, List<int> read, CancellationToken ct, PhaseClock? phases = null)
    {
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var health = new LedgerHealth();
        using var tree = new LedgerTree(health, services.GetRequiredService<ILogger<LedgerTree>>());
        var heads = new LedgerReportHeads(new TreeHeadService(services.GetRequiredService<RightsDeskDbContext>(), tree, services.GetRequiredService<KeyStore>(), health, services.GetRequiredService<TimeProvider>()));
        var threshold = services.GetRequiredService<PolicyProvider>().Current.Operator.Transparency.SmallNumberThreshold;
        var publisher = fullScan
            ? new PublishReport(services.GetRequiredService<RightsDeskDbContext>(), [.. services.GetServices<ITransparencySource>().Select(s => new FullScan(s, read))],
                services.GetRequiredService<PolicyProvider>(), services.GetRequiredService<Data.Ledger.LedgerWriter>(), services.GetRequiredService<TimeProvider>())
            : services.GetRequiredService<PublishReport>();
        phases?.Report("scope");
        return await publisher.PublishAsync(period, threshold, CliStore.Operator, heads, phases, ct);
    }

    /// <summary>The report's profile: the time from each step the publisher names (a source, small numbers, a tree
    /// head) to the next, reported synchronously (a <see cref="Progress{T}"/> would post them late).</summary>
    private sealed class PhaseClock : IProgress<string>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly List<(string Name, TimeSpan Elapsed)> done = [];
        private (string Name, TimeSpan At)? current;

        public IReadOnlyList<(string Name, TimeSpan Elapsed)> Phases => done;

        public void Report(string value)
        {
            Stop();
            current = (value.Replace(' ', '_'), clock.Elapsed);
        }

        public void Stop()
        {
            if (current is { } c)
            {
                done.Add((c.Name, clock.Elapsed - c.At));
            }

            current = null;
        }
    }

    /// <summary>A source read the way verification reads it: from its cases, never from a rollup.</summary>
    private sealed class FullScan(ITransparencySource inner, List<int> read) : ITransparencySource
    {
        public string Name => inner.Name;

        public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
        {
            var reading = await inner.RecountAsync(period, ct);
            read.Add(reading.Records.Count);
            return reading;
        }

        public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) => inner.Compute(period, records);
    }

    private static async Task<int> DsaAsync(IServiceProvider provider, int year, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DsaExport>().BuildAsync(year, 1, null, ct)).Count;
    }

    private static async Task<(long Decisions, long Demands)> CountStoredAsync(IServiceProvider provider, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        return (await db.ModerationDecisions.LongCountAsync(ct), await db.Demands.LongCountAsync(ct));
    }

    private static async Task<bool> PublishedAsync(IServiceProvider provider, ReportPeriod period, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var label = period.Label;
        return await scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>().TransparencyReports.AnyAsync(r => r.Period == label, ct);
    }

    /// <summary>The baseline for the report: the period's demands counted by the dimensions the report breaks them down by.</summary>
    private static async Task<long> CountDemandsAsync(IServiceProvider provider, ReportPeriod period, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var (start, end) = (period.Start, period.End);
        var groups = await db.Demands.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .GroupBy(d => new { d.Kind, d.State, d.AuthorityCountry, d.Recommendation })
            .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        return groups.Sum(g => g.N);
    }

    /// <summary>The baseline for the DSA export: the year's decisions counted by the columns its notice sheet breaks them down by.</summary>
    private static async Task<long> CountDecisionsAsync(IServiceProvider provider, ReportPeriod period, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var (start, end) = (period.Start, period.End);
        var groups = await db.ModerationDecisions.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end)
            .GroupBy(r => new { r.Category, r.SourceType, r.DecisionGround })
            .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        return groups.Sum(g => g.N);
    }

    private sealed record Timed<T>(T Value, TimeSpan Elapsed, long HeapPeak);

    /// <summary>Runs <paramref name="work"/> after a full collection, sampling the managed heap every 50 ms while it runs.</summary>
    private static async Task<Timed<T>> Measure<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var peak = GC.GetTotalMemory(false);
        var sw = Stopwatch.StartNew();
        var running = Task.Run(work);
        while (await Task.WhenAny(running, Task.Delay(50)) != running)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
        }

        var value = await running;
        var elapsed = sw.Elapsed;
        return new Timed<T>(value, elapsed, Math.Max(peak, GC.GetTotalMemory(false)));
    }

    private static async Task WithProgress(IAnsiConsole console, string what, long total, Func<IProgress<long>, Task> work) =>
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask(what, maxValue: Math.Max(1, total));
            await work(new Progress<long>(n => task.Increment(n)));
        });

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
