using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency;
using RightsDesk.Application.Transparency.Rollups;
using RightsDesk.Core.Security;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// The demand rollup on SQLite and PostgreSQL: cases filed and decided through the desk each keep one report record
/// that equals the record recomputed from the case, so the report read from the rollup has the figures and records
/// of the full scan; writers in parallel leave it equal to a recount; a row altered outside the desk is named by
/// `report rollups --check` and repaired by a rebuild; and a rollup missing rows is not read (the report opens the cases).
/// </summary>
public abstract class DemandRollupTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private static readonly ReportPeriod Half = ReportPeriod.Parse("2026-H1");
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_report_from_the_rollup_equals_the_full_scan_after_cases_are_filed_and_decided()
    {
        var ids = await File(6, "mix");
        await Reject(ids[0]);
        await Reject(ids[1]);

        await app.InScope(async sp =>
        {
            Assert.Empty(await sp.GetRequiredService<DemandRollupStore>().CheckAsync(default));
            Assert.NotNull(await sp.GetRequiredService<DemandRollupStore>().FactsAsync(Half, default));
            var source = sp.GetServices<ITransparencySource>().OfType<DemandTransparencySource>().Single();
            var (fromRollup, fromCases) = (await source.ReadAsync(Half, default), await source.RecountAsync(Half, default));
            Assert.Equal(Figures(fromCases.Section), Figures(fromRollup.Section));
            Assert.Equal(fromCases.Records, fromRollup.Records);
            Assert.Equal(6, Figures(fromRollup.Section)["user_data_totals/requests"]);
            Assert.Equal(2, Figures(fromRollup.Section)["user_data_by_outcome/requests/outcome=rejected"]);
        });
        var check = await RunCli(["report", "rollups", "--check", .. Store(app)]);
        Assert.True(check.ExitCode == 0 && check.Output.Contains("pass demand rollups", StringComparison.Ordinal), check.ToString());
    }

    [Fact]
    public async Task Writers_in_parallel_leave_the_demand_rollup_equal_to_a_recount()
    {
        // Four intake clerks file cases at once while a reviewer rejects the first ones: every save refreshes its
        // case's row in its own transaction.
        var first = await File(4, "seed");
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => File(3, $"par-{w}"))).ToList();
        var deciders = first.Select(id => Task.Run(() => Reject(id))).ToList();
        await Task.WhenAll(writers);
        await Task.WhenAll(deciders);

        await app.InScope(async sp =>
        {
            Assert.Empty(await sp.GetRequiredService<DemandRollupStore>().CheckAsync(default));
            var facts = await sp.GetRequiredService<DemandRollupStore>().FactsAsync(Half, default);
            Assert.NotNull(facts);
            Assert.Equal(16, facts.Count);
            Assert.Equal(4, facts.Count(f => f.Fact.Outcome == ReportOutcome.Rejected));
        });
    }

    [Fact]
    public async Task A_row_altered_outside_the_desk_is_named_by_the_check_and_a_rebuild_repairs_it()
    {
        var ids = await File(3, "alt");
        var altered = Guid.Parse(ids[1]);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.DemandRollups.SingleAsync(r => r.DemandId == altered);
            row.Fact = row.Fact.Replace("\"outcome\":\"pending\"", "\"outcome\":\"allData\"", StringComparison.Ordinal);
            Assert.Contains("allData", row.Fact, StringComparison.Ordinal);
            await db.SaveChangesAsync();
        });

        var check = await RunCli(["report", "rollups", .. Store(app)]);
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("pass rollups:", check.Output, StringComparison.Ordinal);
        Assert.Contains($"FAIL demand rollups: 1 cases differ from a recount (demand {altered}: its record differs from the case)", check.Output, StringComparison.Ordinal);

        var rebuilt = await RunCli(["report", "rollups", "--rebuild", .. Store(app)]);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.Contains("rebuilt: 3 demand rows", rebuilt.Output, StringComparison.Ordinal);
        Assert.Contains("pass demand rollups", rebuilt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rollup_missing_rows_is_not_read_and_the_report_opens_the_cases()
    {
        await File(3, "gone");
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await db.DemandRollups.OrderBy(r => r.DemandId).Take(1).ExecuteDeleteAsync();
            Assert.Null(await sp.GetRequiredService<DemandRollupStore>().FactsAsync(Half, default));
            var source = sp.GetServices<ITransparencySource>().OfType<DemandTransparencySource>().Single();
            Assert.Equal(3, Figures((await source.ReadAsync(Half, default)).Section)["user_data_totals/requests"]);
            Assert.Single(await sp.GetRequiredService<DemandRollupStore>().CheckAsync(default));
        });
    }

    private async Task<List<string>> File(int count, string tag)
    {
        var intake = await app.ClientFor(Roles.Intake);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var node = JsonNode.Parse(TestRepo.Example("01-us-search-warrant"))!;
            node["targets"]![0]!["id"] = $"acct-{tag}-{i}-" + Guid.NewGuid().ToString("N")[..8];
            using var body = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json");
            var created = await intake.PostAsync("/api/v1/demands", body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await Json(created)).GetProperty("id").GetString()!);
        }

        return ids;
    }

    private async Task Reject(string id)
    {
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "reject", reason = "Overbroad: the warrant names more than the case needs." });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, long> Figures(ReportSection s) =>
        s.Counts.ToDictionary(c => c.Key.Table + "/" + c.Key.Measure + (c.Key.Dimension.Length == 0 ? "" : "/" + c.Key.Dimension + "=" + c.Key.Value), c => c.Value);
}

public sealed class SqliteDemandRollupTests : DemandRollupTests<SqliteDeskApp>;

public sealed class PostgresDemandRollupTests : DemandRollupTests<PostgresDeskApp>;
