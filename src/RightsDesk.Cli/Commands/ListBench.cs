using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Policy;
using RightsDesk.Web.Demands;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk bench list`: the desk's demand list with many demands on the embedded database. Fills a scratch
/// SQLite database with sealed demands (the worked examples, spread over years), then times the list's own query
/// (DemandQueries.PageAsync) for the first page, a deep page by cursor, and — the baseline — the same deep page by
/// OFFSET, which is what a page number would cost.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills the store with seeded, reproducible data; nothing it makes is a secret or a product record.")]
public static class ListBench
{
    public static Command Create()
    {
        var count = new Option<int>("--demands") { Description = "How many demands to store.", DefaultValueFactory = _ => 100_000 };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs of each query.", DefaultValueFactory = _ => 50 };
        var policyDir = CliOptions.Policy();
        var command = new Command("list", "Demand list paging with many demands: keyset cursor against OFFSET.") { count, repeats, policyDir };
        command.SetAction(async (parse, ct) =>
        {
            var o = parse.InvocationConfiguration.Output;
            var n = Math.Clamp(parse.GetValue(count), 1_000, 2_000_000);
            var runs = Math.Clamp(parse.GetValue(repeats), 1, 10_000);
            var dir = Directory.CreateTempSubdirectory("rightsdesk-bench-list-");
            try
            {
                var options = new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(dir.FullName, "bench.db")}" };
                await using var db = DataServices.CreateContext(options);
                await DataServices.MigrateAsync(db, ct);
                var examples = Directory.GetFiles(Path.Combine(PolicyDirectory.Locate(parse.GetValue(policyDir)), "examples"), "*.demand.json").Order().Select(File.ReadAllText).ToArray();
                var fill = Stopwatch.StartNew();
                await Fill(db, examples, n, ct);
                await o.WriteLineAsync($"stored {n:N0} sealed demands in {fill.Elapsed.TotalSeconds:0.0} s (SQLite, {Environment.ProcessorCount} processors)");

                var all = db.Demands.AsNoTracking();
                var deepIndex = n * 9 / 10;
                var anchor = await all.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(deepIndex - 1).FirstAsync(ct);
                var same = await all.Where(d => d.ReceivedAt == anchor.ReceivedAt).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
                var seen = same.IndexOf(anchor.Id) + 1;
                var cursor = new ListCursor(anchor.ReceivedAt, seen);

                var count_ = await Time(runs, () => all.CountAsync(ct));
                var first = await Time(runs, () => DemandQueries.PageAsync(all, null, 50, ct));
                var deep = await Time(runs, () => DemandQueries.PageAsync(all, cursor, 50, ct));
                var offset = await Time(runs, () => all.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(deepIndex).Take(51).ToListAsync(ct));
                var filtered = await Time(runs, () => DemandQueries.PageAsync(all.Where(d => d.State == DemandState.Received && d.AuthorityCountry == "BR"), null, 50, ct));

                await o.WriteLineAsync($"count of all demands:                    {count_,8:0.00} ms");
                await o.WriteLineAsync($"first page (50):                         {first,8:0.00} ms");
                await o.WriteLineAsync($"page at row {deepIndex:N0} by cursor:        {deep,8:0.00} ms   ({deep / first:0.0}x the first page)");
                await o.WriteLineAsync($"same page by OFFSET (baseline):          {offset,8:0.00} ms   (cursor is {offset / deep:0.0}x faster)");
                await o.WriteLineAsync($"first page, state and country filtered:  {filtered,8:0.00} ms");
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                dir.Delete(recursive: true);
            }
        });
        return command;
    }

    private static async Task<double> Time<T>(int runs, Func<Task<T>> query)
    {
        await query(); // warm the statement cache and the pages
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            await query();
        }

        return sw.Elapsed.TotalMilliseconds / runs;
    }

    private static async Task Fill(RightsDeskDbContext db, string[] examples, int n, CancellationToken ct)
    {
        var cipher = new FieldCipher(KeyRing.Generate());
        var demands = examples.Select(DemandReader.Read).ToArray();
        var states = Enum.GetValues<DemandState>();
        var start = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < n; i++)
        {
            var demand = demands[i % demands.Length];
            var id = Guid.CreateVersion7(start.AddMinutes(i * 7));
            var (dek, wrapped) = cipher.NewDataKey();
            db.Demands.Add(new DemandRecord
            {
                Id = id, Kind = demand.Kind, State = states[i % states.Length], Emergency = demand.Emergency,
                ReceivedAt = start.AddMinutes(i * 7 - (i % 11 == 0 ? 7 : 0)), // some share a timestamp, as real intake does
                Deadline = demand.Deadline, AuthorityCountry = demand.Authority.Country.ToString(), AuthorityName = demand.Authority.Name,
                AuthorityType = demand.Authority.Type, LegalProcess = demand.LegalProcess, Channel = demand.Channel,
                CreatedBy = "bench", CreatedAt = start, UpdatedAt = start, Version = Guid.CreateVersion7(start), WrappedKey = wrapped,
                SealedDemand = cipher.Encrypt(dek, System.Text.Json.JsonSerializer.Serialize(demand, JsonNames.Options), DemandSealing.Context(id, "demand")),
            });
            if (i % 5_000 == 4_999)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
