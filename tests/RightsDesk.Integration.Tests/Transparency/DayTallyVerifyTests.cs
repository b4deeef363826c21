using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Transparency;
using RightsDesk.Application.Transparency.Verification;
using RightsDesk.Core;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// A version published while the moderation rollup was kept per day holds day tallies in its records; the store
/// recounts month tallies today. On SQLite and PostgreSQL: such a record set passes every records check of `report
/// verify` (its figures are the same), and a decision altered outside the desk afterwards is still named, by its
/// month and tuple.
/// </summary>
public abstract class DayTallyVerifyTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_report_that_kept_day_tallies_verifies_and_a_decision_altered_later_is_named()
    {
        var ids = await app.InScope(async sp =>
        {
            var list = new List<Guid>();
            for (var i = 0; i < 10; i++)
            {
                list.Add(await Record(sp, $"day-{i}"));
            }

            return list;
        });
        var dir = Path.Combine(app.Dir, "report-day-tallies");
        var run = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var (version, read) = PublishedFiles.Read(dir);
        Assert.True(read.Passed && version is not null, read.Detail);

        // The same ten decisions as the per-day rollup kept them: the month's tally of ten split over two days.
        var (oldVersion, oldStored, oldRecords) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var stored = await db.TransparencyReports.AsNoTracking().SingleAsync(r => r.Period == "2026-H1");
            var records = AsDayTallies((await KeptRecords.ReadAsync(db, stored, default))!);
            stored.RecordCount = records.Count;
            return (version with { RecordsRoot = ReportRecords.Root(records) }, stored, records);
        });
        var dayTallies = AsTallies(oldRecords);
        Assert.Equal(2, dayTallies.Count);
        Assert.All(dayTallies, t => Assert.NotEqual(1, t.Day.Day));

        var checks = await Checks(oldVersion, oldStored, oldRecords);
        Assert.All(checks, c => Assert.True(c.Passed, c.Name + ": " + c.Detail));
        Assert.Contains(checks, c => c.Name == "cases" && c.Detail.Contains("exactly the report's", StringComparison.Ordinal));

        // One decision ended by a plain save (no ledgered step): the store now differs from what the report counted.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationDecisions.SingleAsync(d => d.Id == ids[3]);
            row.State = ModerationState.Ended;
            await db.SaveChangesAsync();
        });
        var cases = (await Checks(oldVersion, oldStored, oldRecords)).Single(c => c.Name == "cases");
        Assert.False(cases.Passed, cases.Detail);
        Assert.Contains("2 stored cases differ", cases.Detail, StringComparison.Ordinal);
        Assert.Contains("count 10 -> 9", cases.Detail, StringComparison.Ordinal);
        var month = dayTallies[0] with { Day = new DateOnly(dayTallies[0].Day.Year, dayTallies[0].Day.Month, 1) };
        Assert.Contains("case " + month.CaseHash + ": count 10 -> 9", cases.Detail, StringComparison.Ordinal);
        Assert.Contains("not in the report, in the store now", cases.Detail, StringComparison.Ordinal);
    }

    private Task<List<ReportCheck>> Checks(PublishedVersion v, Data.Transparency.TransparencyReportRecord stored, IReadOnlyList<string> records) =>
        app.InScope(sp => sp.GetRequiredService<ReportRecordChecks>().RunAsync(v, stored, records, default));

    /// <summary>Each month tally split into the 3rd and the 17th of its month, as the per-day rollup named them.</summary>
    private static List<string> AsDayTallies(IEnumerable<string> records)
    {
        var prefix = ReportRecords.PrefixOf(ModerationReport.DecisionSource);
        var lines = records.Where(r => !r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var t in AsTallies(records))
        {
            var first = t.Count / 2;
            lines.Add(ReportRecords.Canonical(ModerationReport.DecisionSource, t with { Day = t.Day.AddDays(2), Count = first }));
            lines.Add(ReportRecords.Canonical(ModerationReport.DecisionSource, t with { Day = t.Day.AddDays(16), Count = t.Count - first }));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static List<ModerationTally> AsTallies(IEnumerable<string> records)
    {
        var prefix = ReportRecords.PrefixOf(ModerationReport.DecisionSource);
        return [.. records.Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Select(Tally)];
    }

    private static ModerationTally Tally(string record)
    {
        using var doc = JsonDocument.Parse(record);
        return doc.RootElement.GetProperty("record").Deserialize<ModerationTally>(JsonNames.Options) ?? throw new FormatException("a tally is null");
    }

    private static async Task<Guid> Record(IServiceProvider sp, string puid)
    {
        var json = $$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT",
             "illegalContentLegalGround":"StGB 130","illegalContentExplanation":"Incitement to hatred against a group.",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","categorySpecification":["KEYWORD_HATE_SPEECH"],
             "territorialScope":["DE"],"contentDate":"2026-03-01","applicationDate":"2026-03-02","decisionFacts":"Hateful slurs in a reply.",
             "sourceType":"SOURCE_ARTICLE_16","automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{puid}}","userLanguage":"en"}
            """;
        using var doc = JsonDocument.Parse(json);
        var results = await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(ModerationDecisionReader.ReadBody(doc.RootElement), false, [puid], ModerationSupport.Platform), default);
        Assert.True(results is [{ Status: DecisionStatus.Created }], string.Join("; ", results.SelectMany(r => r.Errors).Select(e => e.Field + ": " + e.Message)));
        return await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(d => d.Puid == puid).Select(d => d.Id).SingleAsync();
    }
}

public sealed class SqliteDayTallyVerifyTests : DayTallyVerifyTests<SqliteDeskApp>;

public sealed class PostgresDayTallyVerifyTests : DayTallyVerifyTests<PostgresDeskApp>;
