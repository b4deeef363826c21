using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// `rightsdesk report --period` over Art. 16 notices, on SQLite and PostgreSQL: notices from the platform's flow,
/// half closed by decisions that name them, reach the CSV by submitter and outcome with the time to decide and its n;
/// `report verify` recomputes them, and still passes after a notice is decided later on the desk.
/// </summary>
public abstract class IllegalContentNoticeReportTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Notices_are_tables_of_the_report_by_submitter_and_outcome_that_verify()
    {
        var platform = await app.ClientFor(Roles.Platform, "report-platform");
        var references = new List<string>();
        // Twenty notices against twenty accounts (no campaign), ten of them followed by a decision naming them.
        for (var i = 0; i < 20; i++)
        {
            var r = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), new
            {
                content = new[] { $"https://social.example/@account{i}/1" }, explanation = "This post incites hatred against a group.", goodFaith = true, language = "en",
            });
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
            references.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
        }

        app.Clock.Advance(TimeSpan.FromHours(5));
        var decisions = string.Join(",", references.Take(10).Select((reference, i) => $$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT","illegalContentLegalGround":"StGB 130",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","territorialScope":["DE"],"contentDate":"2026-03-01",
             "applicationDate":"2026-03-02","decisionFacts":"Hateful slurs in a reply.","sourceType":"SOURCE_ARTICLE_16","automatedDetection":"No",
             "automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"report-notice-{{i}}","noticeId":"{{reference}}"}
            """));
        var sent = await platform.PostAsync(new Uri("/api/v1/moderation/decisions", UriKind.Relative),
            new StringContent("{\"decisions\":[" + decisions + "]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var dir = Path.Combine(app.Dir, "report-notices");
        var run = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var csv = (await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"))).Select(l => l.Split(',')).ToList();
        var rows = csv.Skip(1).Select(r => csv[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Dictionary<string, string> Row(string table, string measure, string? dimension = null, string? value = null) =>
            rows.Single(r => r["table"] == table && r["measure"] == measure && (dimension is null || r[dimension] == value));
        string Low(Dictionary<string, string> r) => r["value_low"] == r["value_high"] ? r["value_low"] : r["value_low"] + "-" + r["value_high"];

        Assert.Equal("20", Low(Row("illegal_content_notice_totals", "illegal_content_notices")));
        Assert.Equal("20", Low(Row("illegal_content_notice_by_submitter", "illegal_content_notices", "submitter", "reportingFlow")));
        Assert.Equal("0", Low(Row("illegal_content_notice_by_submitter", "illegal_content_notices", "submitter", "trustedFlagger")));
        Assert.Equal("10", Low(Row("illegal_content_notice_by_outcome", "illegal_content_notices", "outcome", "decisionTaken")));
        Assert.Equal("10", Low(Row("illegal_content_notice_by_outcome", "illegal_content_notices", "outcome", "pending")));
        Assert.Equal("20", Low(Row("illegal_content_notice_by_campaign", "illegal_content_notices", "campaign", "notFlagged")));
        var median = Row("illegal_content_notice_times", "hours_to_decide_median");
        Assert.Equal(("5", "10"), (median["value_low"], median["n"]));
        Assert.Contains("Notices by submitter: notifier, the platform&#39;s reporting flow or trusted flagger",
            await File.ReadAllTextAsync(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("incites hatred", await File.ReadAllTextAsync(Path.Combine(dir, "report.json")), StringComparison.Ordinal);

        var honest = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(honest.ExitCode == 0, honest.ToString());

        // A pending notice decided on the desk after the report: an honest change, ledgered after the tree head.
        await app.InScope(async sp =>
        {
            var id = await sp.GetRequiredService<RightsDeskDbContext>().IllegalContentNotices.AsNoTracking()
                .Where(n => n.Reference == references[15]).Select(n => n.Id).SingleAsync();
            var person = Actor.Person("ts-report-1", "ts-report");
            Assert.True(await sp.GetRequiredService<NoticeDesk>().DecideAsync(id, NoticeOutcome.NoAction, null, "The post quotes a law and incites nothing.", person, default));
            return 0;
        });
        var later = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Contains("changed after the report", later.Output, StringComparison.Ordinal);
    }
}

public sealed class SqliteIllegalContentNoticeReportTests : IllegalContentNoticeReportTests<SqliteDeskApp>;

public sealed class PostgresIllegalContentNoticeReportTests : IllegalContentNoticeReportTests<PostgresDeskApp>;
