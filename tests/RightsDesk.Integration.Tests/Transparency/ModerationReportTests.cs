using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Disputes;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Disputes;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// `rightsdesk report --period` over moderation decisions the platform reported and appeals against them, on SQLite
/// and PostgreSQL: the decisions by ground, restriction, source and automation and the appeals by outcome reach the
/// tidy CSV, the JSON and the HTML, every breakdown's bands admit its total, and `report verify` recomputes them,
/// also after an appeal is decided later (a step ledgered after the report's tree head).
/// </summary>
public abstract class ModerationReportTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Decisions_and_appeals_are_tables_of_the_report_that_reconcile_and_verify()
    {
        var ids = await app.InScope(async sp =>
        {
            var list = new List<Guid>();
            // Ten of each kind: counts above the small-number threshold (9) are published exactly, so the test reads them.
            for (var i = 0; i < 20; i++)
            {
                list.Add(await Record(sp, $"mod-{i}", i % 2 == 0 ? "SOURCE_VOLUNTARY" : "SOURCE_ARTICLE_16", i < 10 ? "DECISION_GROUND_ILLEGAL_CONTENT" : "DECISION_GROUND_INCOMPATIBLE_CONTENT"));
            }

            foreach (var id in list.Take(10))
            {
                Assert.NotNull(await sp.GetRequiredService<SubmitAppeal>().ByDecisionAsync(id, new AppealInput("The post was satire and said so in its first line.", null, "en", null), AppealChannel.Platform, ModerationSupport.Platform, default));
            }

            // The other ten went straight to a certified out-of-court body (DSA Art. 21), still with it.
            foreach (var id in list.Skip(10))
            {
                Assert.NotNull(await sp.GetRequiredService<DisputeReferrals>().ReferAsync(id, new ReferralInput(DisputeSide.User, "Appeals Centre Europe", "IE", new DateOnly(2026, 3, 2)), ModerationSupport.Platform, default));
            }

            return list;
        });

        var dir = Path.Combine(app.Dir, "report-moderation");
        var run = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var csv = (await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"))).Select(l => l.Split(',')).ToList();
        var header = csv[0];
        var rows = csv.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Dictionary<string, string> Row(string table, string measure, string? dimension = null, string? value = null) =>
            rows.Single(r => r["table"] == table && r["measure"] == measure && (dimension is null || r[dimension] == value));

        Assert.Equal(("20", "20"), (Row("moderation_totals", "decisions")["value_low"], Row("moderation_totals", "decisions")["value_high"]));
        Assert.Equal(("10", "10"), (Row("moderation_by_source", "decisions", "source", "voluntary")["value_low"], Row("moderation_by_source", "decisions", "source", "voluntary")["value_high"]));
        Assert.Equal("10", Row("moderation_by_source", "decisions", "source", "article16")["value_low"]);
        Assert.Equal("0", Row("moderation_by_source", "decisions", "source", "trustedFlagger")["value_high"]);
        Assert.Equal("10", Row("moderation_by_ground", "decisions", "ground", "illegal")["value_low"]);
        Assert.Equal("20", Row("moderation_by_automation", "decisions", "automation", "not")["value_low"]);
        // Removed in one country only: a geo-restriction on the ladder.
        Assert.Equal("20", Row("moderation_by_restriction", "decisions", "restriction", "geoRestrict")["value_low"]);
        Assert.Equal("10", Row("appeal_totals", "appeals")["value_low"]);
        Assert.Equal("10", Row("appeal_by_outcome", "appeals", "outcome", "pending")["value_low"]);
        Assert.Equal("", Row("appeal_times", "hours_to_decide_median")["value_low"]);

        // Every breakdown's bands admit its total (a banded 1-9 cell is a range, never a point that gives away a small count).
        foreach (var table in rows.Where(r => r["unit"] is "decisions" or "appeals" && r["table"].Contains("_by_", StringComparison.Ordinal)).GroupBy(r => (r["table"], r["measure"])))
        {
            var prefix = table.Key.Item1[..table.Key.Item1.IndexOf("_by_", StringComparison.Ordinal)];
            var total = Row(prefix + "_totals", table.Key.Item2);
            Assert.True(table.Sum(r => Low(r)) <= High(total) && Low(total) <= table.Sum(r => High(r)), $"{table.Key} does not reconcile with its total");
            Assert.DoesNotContain(table, r => r["value_low"] == r["value_high"] && Low(r) is >= 1 and <= 9);
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!.ToJsonString();
        Assert.Contains("\"moderation_by_ground\"", json, StringComparison.Ordinal);
        Assert.Contains("\"appeal_by_outcome\"", json, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
        Assert.Contains("Moderation decisions by source: notice, trusted flagger, other notification or own initiative", html, StringComparison.Ordinal);
        Assert.Contains("Appeals by outcome", html, StringComparison.Ordinal);
        Assert.Equal("10", Row("dispute_totals", "disputes")["value_low"]);
        Assert.Equal("10", Row("dispute_by_outcome", "disputes", "outcome", "pending")["value_low"]);
        Assert.Equal("0", Row("dispute_by_outcome", "disputes", "outcome", "reversed")["value_high"]);
        Assert.Equal("10", Row("dispute_by_side", "disputes", "side", "user")["value_low"]);
        Assert.Contains("Out-of-court disputes by the body", html, StringComparison.Ordinal);
        Assert.DoesNotContain("satire", await File.ReadAllTextAsync(Path.Combine(dir, "report.json")), StringComparison.Ordinal);

        var honest = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(honest.ExitCode == 0, honest.ToString());

        // An appeal decided after the report changes its record; the step is ledgered after the tree head, so the
        // report still stands for its head.
        await app.InScope(async sp =>
        {
            var reviewer = Actor.Person("reviewer-acct-1", "reviewer-one");
            var review = sp.GetRequiredService<AppealReview>();
            var appealId = await sp.GetRequiredService<RightsDeskDbContext>().Appeals.AsNoTracking().Where(a => a.DecisionId == ids[0]).Select(a => a.Id).SingleAsync();
            Assert.True(await review.AssignAsync(appealId, reviewer, reviewer, default));
            Assert.True(await review.DecideAsync(appealId, AppealOutcome.Reversed, "The post was satire, as its first line said.", reviewer, default));
            var disputeId = await sp.GetRequiredService<RightsDeskDbContext>().Disputes.AsNoTracking().Where(d => d.DecisionId == ids[10]).Select(d => d.Id).SingleAsync();
            Assert.NotNull(await sp.GetRequiredService<DisputeReferrals>().RecordOutcomeAsync(disputeId, DisputeOutcome.Reversed, new DateOnly(2026, 3, 3), "The body found the reply quoted the slur to condemn it.", reviewer, default));
            return 0;
        });
        var later = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Contains("changed after the report", later.Output, StringComparison.Ordinal);
    }

    private static long Low(Dictionary<string, string> r) => long.Parse(r["value_low"], CultureInfo.InvariantCulture);

    private static long High(Dictionary<string, string> r) => r["value_high"].Length == 0 ? long.MaxValue / 64 : long.Parse(r["value_high"], CultureInfo.InvariantCulture);

    private static async Task<Guid> Record(IServiceProvider sp, string puid, string source, string ground)
    {
        var legal = ground == "DECISION_GROUND_ILLEGAL_CONTENT"
            ? "\"illegalContentLegalGround\":\"StGB 130\",\"illegalContentExplanation\":\"Incitement to hatred against a group.\""
            : "\"incompatibleContentGround\":\"Terms 4\"";
        var json = $$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"{{ground}}",{{legal}},
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","categorySpecification":["KEYWORD_HATE_SPEECH"],
             "territorialScope":["DE"],"contentDate":"2026-03-01","applicationDate":"2026-03-02","decisionFacts":"Hateful slurs in a reply.",
             "sourceType":"{{source}}","automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{puid}}","userLanguage":"en"}
            """;
        using var doc = JsonDocument.Parse(json);
        var results = await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(ModerationDecisionReader.ReadBody(doc.RootElement), false, [puid], ModerationSupport.Platform), default);
        Assert.True(results is [{ Status: DecisionStatus.Created }], string.Join("; ", results.SelectMany(r => r.Errors).Select(e => e.Field + ": " + e.Message)));
        return await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(d => d.Puid == puid).Select(d => d.Id).SingleAsync();
    }
}

public sealed class SqliteModerationReportTests : ModerationReportTests<SqliteDeskApp>;

public sealed class PostgresModerationReportTests : ModerationReportTests<PostgresDeskApp>;
