using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Transparency;
using RightsDesk.Application.Transparency.Rollups;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// The moderation rollup on SQLite and PostgreSQL: after decisions reported, held ones confirmed, one reversed on
/// appeal and one ended by a plain save, it equals a recount of the decisions and the report from it has the same
/// figures as the report recounted from the records; writers in parallel leave it equal to a recount; and a rollup
/// altered outside the desk is caught by `report rollups --check` and by `report verify`, and repaired by a rebuild.
/// </summary>
public abstract class RollupTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_rollup_equals_a_recount_after_a_mix_of_writes_and_gives_the_same_report()
    {
        var ids = await app.InScope(async sp =>
        {
            var list = new List<Guid>();
            for (var i = 0; i < 12; i++)
            {
                list.Add(await Record(sp, $"mix-{i}", i % 3 == 0 ? "SOURCE_VOLUNTARY" : "SOURCE_ARTICLE_16", i % 2 == 0 ? "AUTOMATED_DECISION_PARTIALLY" : "AUTOMATED_DECISION_NOT_AUTOMATED"));
            }

            return list;
        });
        var held = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(Guid.Parse(await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, $"held-{i}", $"@held{i}@example.social"))));
        }

        var reviewer = Actor.Person("rollup-reviewer", "rollup-reviewer");
        await app.InScope(async sp =>
        {
            Assert.True(await sp.GetRequiredService<ModerationReview>().ConfirmAsync(held[0], reviewer, default));
            Assert.NotNull(await sp.GetRequiredService<SubmitAppeal>().ByDecisionAsync(ids[0], new AppealInput("The post quoted the slur to condemn it.", null, "en", null), AppealChannel.Platform, ModerationSupport.Platform, default));
            var review = sp.GetRequiredService<AppealReview>();
            var appealId = await sp.GetRequiredService<RightsDeskDbContext>().Appeals.AsNoTracking().Where(a => a.DecisionId == ids[0]).Select(a => a.Id).SingleAsync();
            Assert.True(await review.AssignAsync(appealId, reviewer, reviewer, default));
            Assert.True(await review.DecideAsync(appealId, AppealOutcome.Reversed, "It condemned the slur.", reviewer, default));
            return 0;
        });
        // A save with no transaction of its own (not through the ledger writer) keeps the rollup too.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationDecisions.SingleAsync(d => d.Id == ids[1]);
            row.State = ModerationState.Ended;
            await db.SaveChangesAsync();
        });

        await app.InScope(async sp =>
        {
            Assert.Empty(await sp.GetRequiredService<ModerationRollupStore>().CheckAsync(default));
            var states = await sp.GetRequiredService<RightsDeskDbContext>().ModerationRollups.AsNoTracking().Where(r => r.Count != 0)
                .GroupBy(r => r.State).Select(g => new { g.Key, N = g.Sum(r => r.Count) }).ToDictionaryAsync(g => g.Key, g => g.N);
            Assert.Equal(new Dictionary<string, long> { ["active"] = 11, ["held"] = 2, ["lifted"] = 1, ["ended"] = 1 }, states);

            var source = sp.GetServices<ITransparencySource>().OfType<ModerationTransparencySource>().Single();
            var period = ReportPeriod.Parse("2026-H1");
            var (fromRollup, fromRecords) = (await source.ReadAsync(period, default), await source.RecountAsync(period, default));
            Assert.Equal(Figures(fromRecords.Section), Figures(fromRollup.Section));
            Assert.Equal(15, Figures(fromRollup.Section)["moderation_totals/decisions"]);
            Assert.Equal(fromRecords.Records, fromRollup.Records);
        });
        var check = await RunCli(["report", "rollups", "--check", .. Store(app)]);
        Assert.True(check.ExitCode == 0 && check.Output.Contains("pass rollups", StringComparison.Ordinal), check.ToString());
    }

    [Fact]
    public async Task Writers_in_parallel_leave_the_rollup_equal_to_a_recount()
    {
        // Four writers record decisions of one tuple at once (every upsert on the same row; the ledger writer's lock
        // orders their saves), then eight plain saves end the first decisions at once, with nothing to order them
        // but the database.
        var first = await app.InScope(async sp =>
        {
            var list = new List<Guid>();
            for (var i = 0; i < 8; i++)
            {
                list.Add(await Record(sp, $"seed-{i}", "SOURCE_VOLUNTARY", "AUTOMATED_DECISION_NOT_AUTOMATED"));
            }

            return list;
        });
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => app.InScope(async sp =>
        {
            for (var i = 0; i < 6; i++)
            {
                await Record(sp, $"par-{w}-{i}", "SOURCE_VOLUNTARY", "AUTOMATED_DECISION_NOT_AUTOMATED");
            }
        })));
        var enders = first.Select(id => Task.Run(() => app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationDecisions.SingleAsync(d => d.Id == id);
            row.State = ModerationState.Ended;
            await db.SaveChangesAsync();
        })));
        await Task.WhenAll(writers);
        await Task.WhenAll(enders);

        await app.InScope(async sp =>
        {
            Assert.Empty(await sp.GetRequiredService<ModerationRollupStore>().CheckAsync(default));
            var rows = await sp.GetRequiredService<RightsDeskDbContext>().ModerationRollups.AsNoTracking().Where(r => r.Count != 0).ToListAsync();
            Assert.Equal(32, rows.Sum(r => r.Count));
            Assert.Equal(8, rows.Where(r => r.State == "ended").Sum(r => r.Count));
        });
    }

    [Fact]
    public async Task A_rollup_altered_outside_the_desk_is_caught_by_the_check_and_by_verify_and_a_rebuild_repairs_it()
    {
        await app.InScope(async sp =>
        {
            for (var i = 0; i < 10; i++)
            {
                await Record(sp, $"alt-{i}", "SOURCE_ARTICLE_16", "AUTOMATED_DECISION_NOT_AUTOMATED");
            }
        });
        // Four of the ten moved to "lifted" in the rollup alone: the total still agrees, so only a recount sees it.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationRollups.SingleAsync(r => r.Count == 10);
            row.Count = 6;
            db.ModerationRollups.Add(new Data.Rollups.ModerationRollupRecord
            {
                Day = row.Day, Category = row.Category, DecisionGround = row.DecisionGround, SourceType = row.SourceType,
                AutomatedDecision = row.AutomatedDecision, Rung = row.Rung, State = "lifted", Count = 4,
            });
            await db.SaveChangesAsync();
        });

        var check = await RunCli(["report", "rollups", .. Store(app)]);
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("FAIL rollups: 2 tuples differ", check.Output, StringComparison.Ordinal);
        Assert.Contains("lifted: 4 in the rollup, 0 stored", check.Output, StringComparison.Ordinal);

        var dir = Path.Combine(app.Dir, "report-altered-rollup");
        var run = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var verify = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("FAIL cases: 2 stored cases differ", verify.Output, StringComparison.Ordinal);
        Assert.Contains("count 6 -> 10", verify.Output, StringComparison.Ordinal);

        var rebuilt = await RunCli(["report", "rollups", "--rebuild", .. Store(app)]);
        Assert.True(rebuilt.ExitCode == 0 && rebuilt.Output.Contains("pass rollups", StringComparison.Ordinal), rebuilt.ToString());
        await app.InScope(async sp => Assert.Empty(await sp.GetRequiredService<ModerationRollupStore>().CheckAsync(default)));
    }

    private static Dictionary<string, long> Figures(ReportSection s) =>
        s.Counts.ToDictionary(c => c.Key.Table + "/" + c.Key.Measure + (c.Key.Dimension.Length == 0 ? "" : "/" + c.Key.Dimension + "=" + c.Key.Value), c => c.Value);

    private static async Task<Guid> Record(IServiceProvider sp, string puid, string source, string automated)
    {
        var json = $$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT",
             "illegalContentLegalGround":"StGB 130","illegalContentExplanation":"Incitement to hatred against a group.",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","categorySpecification":["KEYWORD_HATE_SPEECH"],
             "territorialScope":["DE"],"contentDate":"2026-03-01","applicationDate":"2026-03-02","decisionFacts":"Hateful slurs in a reply.",
             "sourceType":"{{source}}","automatedDetection":"No","automatedDecision":"{{automated}}","puid":"{{puid}}","userLanguage":"en"}
            """;
        using var doc = JsonDocument.Parse(json);
        var results = await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(ModerationDecisionReader.ReadBody(doc.RootElement), false, [puid], ModerationSupport.Platform), default);
        Assert.True(results is [{ Status: DecisionStatus.Created }], string.Join("; ", results.SelectMany(r => r.Errors).Select(e => e.Field + ": " + e.Message)));
        return await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(d => d.Puid == puid).Select(d => d.Id).SingleAsync();
    }
}

public sealed class SqliteRollupTests : RollupTests<SqliteDeskApp>;

public sealed class PostgresRollupTests : RollupTests<PostgresDeskApp>;
