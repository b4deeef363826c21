using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// `rightsdesk bench ingest`: moderation decisions per second through the real API (reader, ladder, sealing, ledger,
/// idempotency by puid), against a plain bulk insert of the same rows into the same engine in the same run. Figures
/// go to stdout, one a line as <c>name: value unit</c>; progress goes to stderr.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills the store with seeded, reproducible data; nothing it makes is a secret or a product record.")]
public static class IngestBench
{
    public static Command Create()
    {
        var count = new Option<long>("--count") { Description = "How many decisions to send.", Required = true };
        var batch = new Option<int>("--batch") { Description = "Decisions per request (1 to 1,000).", DefaultValueFactory = _ => ModerationDecisionReader.MaxBatch };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections (1 to 64).", DefaultValueFactory = _ => 4 };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server's connection string: the instance and the baseline get fresh databases made there (and dropped after)." };
        var url = new Option<string?>("--url") { Description = "A running desk to send to instead of starting one (with --token-file)." };
        var tokenFile = new Option<string?>("--token-file") { Description = "A file holding the platform token for --url (a token on the command line would show in the process list)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the instance's and the baseline's data here instead of a temporary directory that is removed." };
        var profile = new Option<bool>("--profile") { Description = "Also time the server's sections (parse, hash, ladder, sealing, lookups, save) over 10 more batches in its own instance." };
        var policy = CliOptions.Policy();
        var command = new Command("ingest", "Moderation decisions per second through the API, against a plain bulk insert of the same rows.")
        {
            count, batch, connections, postgres, url, tokenFile, dataDir, profile, policy,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(count);
            var size = parse.GetValue(batch);
            var conns = parse.GetValue(connections);
            var target = parse.GetValue(url);
            var tokenPath = parse.GetValue(tokenFile);
            var problem = n < 1 ? "--count must be at least 1."
                : size is < 1 or > ModerationDecisionReader.MaxBatch ? "--batch must be between 1 and 1,000."
                : conns is < 1 or > 64 ? "--connections must be between 1 and 64."
                : (target is null) != (tokenPath is null) ? "--url and --token-file go together."
                : target is not null && !Uri.TryCreate(target, UriKind.Absolute, out _) ? "--url must be an absolute URL."
                : target is not null && parse.GetValue(profile) ? "--profile times its own instance; it does not go with --url."
                : null;
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return 2;
            }

            var settings = new Settings(n, size, conns, parse.GetValue(postgres), target, tokenPath, parse.GetValue(dataDir), parse.GetValue(policy), parse.GetValue(profile));
            return await RunAsync(settings, parse.InvocationConfiguration.Output, error, ct);
        });
        return command;
    }

    private const int ProfileBatches = 10;

    private sealed record Settings(long Count, int Batch, int Connections, string? Postgres, string? Url, string? TokenFile, string? DataDir, string? Policy, bool Profile);

    private static async Task<int> RunAsync(Settings s, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        await using var store = BenchStore.Create(s.DataDir, s.Postgres);
        BenchInstance? instance = null;
        try
        {
            Uri server;
            string token;
            if (s.Url is not null)
            {
                server = new Uri(s.Url);
                token = (await File.ReadAllTextAsync(s.TokenFile!, ct)).Trim();
            }
            else
            {
                instance = await BenchInstance.StartAsync(store, s.Policy, ct);
                (server, token) = (instance.Url, instance.Token);
            }

            var engine = s.Postgres is null ? "sqlite" : "postgres";
            await error.WriteLineAsync(F($"bench ingest: {s.Count:N0} decisions in batches of {s.Batch:N0} over {s.Connections} connections to {(instance is null ? server.ToString() : "its own instance on " + engine + " at " + server)}"));

            using var run = new IngestRun(server, token, s.Batch, s.Connections);
            // The first batch is sent alone and untimed: it pays for the JIT, the first connection and the first pages.
            var warmUp = Math.Min(s.Count, s.Batch);
            await run.SendAsync(0, warmUp, null, ct);
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gen2Before = GC.CollectionCount(2);
            var heapPeak = 0L;
            var timed = Stopwatch.StartNew();
            await WithProgress(console, "ingest via the API", s.Count - warmUp, async progress =>
            {
                var sending = run.SendAsync(warmUp, s.Count, progress, ct);
                while (await Task.WhenAny(sending, Task.Delay(100, ct)) != sending)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                }

                await sending;
            });
            var elapsed = timed.Elapsed;
            heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var gen2 = GC.CollectionCount(2) - gen2Before;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var peakWorkingSet = self.PeakWorkingSet64;
            var rate = s.Count > warmUp ? (s.Count - warmUp) / elapsed.TotalSeconds : warmUp / elapsed.TotalSeconds;

            // Counted before the profile adds its own decisions, so the counts are the timed run's.
            (long Rows, long Events)? stored = instance is null ? null : await CountStoredAsync(instance, ct);

            // After the timed run, on puids past it, so the profile neither warms nor fills what was measured.
            var profiled = instance is not null && s.Profile
                ? await IngestProfile.RunAsync(instance, s.Count, ProfileBatches, s.Batch, ct)
                : [];

            var scratch = await store.NewDatabaseAsync("baseline", ct);
            var baseline = 0.0;
            await WithProgress(console, "baseline bulk insert", s.Count, async progress =>
                baseline = await BaselineInsert.RunAsync(scratch, s.Count, s.Batch, progress, ct));

            var tally = run.Tally;
            var lines = new List<(string Name, string Value, string Unit)>
            {
                ("decisions", I(s.Count), "decisions"),
                ("batch_size", I(s.Batch), "decisions"),
                ("connections", I(s.Connections), "connections"),
                ("processors", I(Environment.ProcessorCount), "cores"),
                ("ingest_rate", D(rate, 0), "decisions/s"),
                ("baseline_insert_rate", D(baseline, 0), "rows/s"),
                ("ingest_to_baseline_ratio", D(rate / baseline, 3), "x"),
                ("batch_latency_p50", D(tally.Latency.Percentile(0.50), 1), "ms"),
                ("batch_latency_p95", D(tally.Latency.Percentile(0.95), 1), "ms"),
                ("peak_working_set", D(peakWorkingSet / 1048576.0, 1), "MB"),
                ("gc_heap_peak", D(heapPeak / 1048576.0, 1), "MB"),
                ("gc_allocated_per_decision", D(allocated / (double)Math.Max(1, s.Count - warmUp) / 1024.0, 1), "KB"),
                ("gc_gen2_collections", I(gen2), "collections"),
                ("created", I(tally.Created), "decisions"),
                ("existing", I(tally.Existing), "decisions"),
                ("refused", I(tally.Refused), "decisions"),
            };
            if (stored is { } counts)
            {
                lines.Add(("stored_decisions", I(counts.Rows), "decisions"));
                lines.Add(("ledger_events", I(counts.Events), "events"));
            }

            lines.AddRange(profiled.Select(p => ("profile_" + p.Name, D(p.MsPerThousand, 1), "ms/1000 decisions")));
            lines.AddRange(profiled.Select(p => ("profile_" + p.Name + "_allocated", D(p.KbPerDecision, 1), "KB/decision")));
            foreach (var (name, value, unit) in lines)
            {
                await output.WriteLineAsync(name + ": " + value + " " + unit);
            }

            if (tally.Refused > 0)
            {
                await error.WriteLineAsync("Some decisions were refused; the first refusal: " + tally.FirstRefusal);
                return 1;
            }

            return 0;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync("The ingest failed: " + ex.Message);
            return 1;
        }
        finally
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<(long Rows, long Events)> CountStoredAsync(BenchInstance instance, CancellationToken ct)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var rows = await db.ModerationDecisions.LongCountAsync(r => r.Puid.StartsWith(BenchDecisions.PuidPrefix), ct);
        var events = await db.LedgerEvents.LongCountAsync(e => e.Code == (int)LedgerEventCode.ModerationDecisionRecorded, ct);
        return (rows, events);
    }

    private static async Task WithProgress(IAnsiConsole console, string what, long total, Func<IProgress<long>, Task> work) =>
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask(what, maxValue: Math.Max(1, total));
            await work(new Bar(task));
        });

    /// <summary>Moves the bar from whichever connection finished a batch; Spectre's task is safe to increment so.</summary>
    private sealed class Bar(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Increment(value);
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
