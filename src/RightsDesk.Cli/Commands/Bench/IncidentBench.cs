using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// `rightsdesk bench incidents`: incident reports per second through the public form over HTTP on loopback (the
/// guard's headers, the reader, triage, the receipt's Argon2id at its production cost, sealing, the ledger, the
/// deadlines), against the receipt's slow hash alone in the same process at the same concurrency. Figures go to
/// stdout, one a line as <c>name: value unit</c>; progress goes to stderr.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time; the reports it sends are made up and nothing it makes is a product record.")]
public static class IncidentBench
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many incident reports to submit.", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Reports in flight at once (1 to 64).", DefaultValueFactory = _ => 4 };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server's connection string: the instance gets a fresh database made there (and dropped after)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the instance's data here instead of a temporary directory that is removed." };
        var policy = CliOptions.Policy();
        var command = new Command("incidents", "Incident reports per second through the public form, against the receipt's Argon2id hash alone.")
        {
            count, concurrency, postgres, dataDir, policy,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(count);
            var c = parse.GetValue(concurrency);
            var problem = n is < 1 or > 1_000_000 ? "--count must be between 1 and 1,000,000."
                : c is < 1 or > 64 ? "--concurrency must be between 1 and 64."
                : null;
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return 2;
            }

            return await RunAsync(n, c, parse.GetValue(postgres), parse.GetValue(dataDir), parse.GetValue(policy), parse.InvocationConfiguration.Output, error, ct);
        });
        return command;
    }

    /// <summary>What the instance must lift: every report comes from 127.0.0.1, so the per-address, per-network and
    /// per-node limits (5 an hour, 20 an hour, 30 a minute) would measure the limiter, not the channel.</summary>
    private static readonly string[] Lifted =
    [
        "--Incidents:Guard:PerAddress", "100000000", "--Incidents:Guard:PerNetwork", "100000000", "--Incidents:Guard:PerNode", "100000000",
        "--RateLimits:AnonymousPerMinute", "100000000",
    ];

    private static async Task<int> RunAsync(int count, int concurrency, string? postgres, string? dataDir, string? policy, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = BenchStore.Create(dataDir, postgres);
        var instance = await BenchInstance.StartAsync(store, policy, ct, Lifted);
        try
        {
            var options = instance.Services.GetRequiredService<SecretCodeOptions>();
            var engine = postgres is null ? "sqlite" : "postgres";
            await error.WriteLineAsync(F($"bench incidents: {count:N0} reports, {concurrency} at a time, to its own instance on {engine} at {instance.Url}; receipts under Argon2id m={options.MemoryKiB} KiB t={options.Iterations} p={options.Parallelism}"));

            using var run = new IncidentRun(instance.Url);
            // A few reports first, untimed: they pay for the JIT, the connections and the first pages of the store.
            var warmUp = Math.Min(count, concurrency);
            await run.SendAsync(warmUp, concurrency, ct);
            run.Reset();
            GC.Collect();
            var heapPeak = 0L;
            var timed = Stopwatch.StartNew();
            var sending = run.SendAsync(count, concurrency, ct);
            while (await Task.WhenAny(sending, Task.Delay(100, ct)) != sending)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
            }

            await sending;
            var elapsed = timed.Elapsed;
            heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var peakWorkingSet = self.PeakWorkingSet64;

            var baseline = await HashRateAsync(instance.Services.GetRequiredService<SecretCodes>(), Math.Min(count, 200), concurrency, ct);
            var stored = await CountStoredAsync(instance, ct);
            var rate = count / elapsed.TotalSeconds;
            var lines = new List<(string Name, string Value, string Unit)>
            {
                ("reports", I(count), "reports"),
                ("concurrency", I(concurrency), "requests"),
                ("processors", I(Environment.ProcessorCount), "cores"),
                ("argon2id_memory", I(options.MemoryKiB), "KiB"),
                ("argon2id_iterations", I(options.Iterations), "passes"),
                ("incident_rate", D(rate, 1), "incidents/s"),
                ("latency_p50", D(run.Latency.Percentile(0.50), 1), "ms"),
                ("latency_p99", D(run.Latency.Percentile(0.99), 1), "ms"),
                ("baseline_argon2id_rate", D(baseline, 1), "hashes/s"),
                ("incident_to_baseline_ratio", D(rate / baseline, 3), "x"),
                ("peak_working_set", D(peakWorkingSet / 1048576.0, 1), "MB"),
                ("gc_heap_peak", D(heapPeak / 1048576.0, 1), "MB"),
                ("accepted", I(run.Accepted), "reports"),
                ("refused", I(run.Refused), "reports"),
                ("stored_incidents", I(stored.Incidents), "incidents"),
                ("ledger_events", I(stored.Events), "events"),
            };
            foreach (var (name, value, unit) in lines)
            {
                await output.WriteLineAsync(name + ": " + value + " " + unit);
            }

            if (run.Refused > 0)
            {
                await error.WriteLineAsync("Some reports were refused; the first refusal: " + run.FirstRefusal);
                return 1;
            }

            return 0;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync("The benchmark failed: " + ex.Message);
            return 1;
        }
        finally
        {
            await instance.DisposeAsync();
        }
    }

    /// <summary>Receipts issued per second by the same service the form uses (seven words, the keyed lookup and the
    /// salted Argon2id), at the same concurrency: what the channel's rate is bounded by.</summary>
    private static async Task<double> HashRateAsync(SecretCodes codes, int n, int concurrency, CancellationToken ct)
    {
        await codes.IssueAsync("bench");
        var next = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= n)
            {
                ct.ThrowIfCancellationRequested();
                GC.KeepAlive(await codes.IssueAsync("bench"));
            }
        }, ct)));
        return n / sw.Elapsed.TotalSeconds;
    }

    private static async Task<(long Incidents, long Events)> CountStoredAsync(BenchInstance instance, CancellationToken ct)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var incidents = await db.Incidents.LongCountAsync(ct);
        var events = await db.LedgerEvents.LongCountAsync(e => e.Code == (int)LedgerEventCode.IncidentReceived, ct);
        return (incidents, events);
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
