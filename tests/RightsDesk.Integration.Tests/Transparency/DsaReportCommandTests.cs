using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Transparency.Dsa;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// `rightsdesk report dsa --year 2026 --out DIR` over demands made through the API and a decision taken on a trusted
/// flagger's notice, on SQLite and PostgreSQL: the Commission's sheets with their header rows, Member States' orders
/// counted where a regulator looks for them (and a US warrant nowhere), the stored Art. 16 notices in sheets 4 and 8,
/// and one workbook with the same sheets.
/// </summary>
public abstract class DsaReportCommandTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_year_is_written_in_the_templates_with_member_states_orders_and_actions_on_notices()
    {
        await CreateDemand("07-germany-section-130-court-order");
        await CreateDemand("21-dsa-order-elements-in-its-text");
        await CreateDemand("10-dsa-article-10-order");
        await CreateDemand("01-us-search-warrant");
        await app.InScope(async sp =>
        {
            var json = """
                {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_INCOMPATIBLE_CONTENT","incompatibleContentGround":"Terms 4",
                 "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","categorySpecification":["KEYWORD_HATE_SPEECH"],
                 "territorialScope":["DE"],"contentDate":"2026-03-01","applicationDate":"2026-03-02","decisionFacts":"Hateful slurs in a reply.",
                 "sourceType":"SOURCE_TRUSTED_FLAGGER","automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"tf-1","userLanguage":"en"}
                """;
            await Record(sp, json, "tf-1");
            await Record(sp, json.Replace("SOURCE_TRUSTED_FLAGGER", "SOURCE_VOLUNTARY", StringComparison.Ordinal).Replace("\"automatedDetection\":\"No\"", "\"automatedDetection\":\"Yes\"", StringComparison.Ordinal)
                .Replace("AUTOMATED_DECISION_NOT_AUTOMATED", "AUTOMATED_DECISION_FULLY", StringComparison.Ordinal), "own-1");
            var own = await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(d => d.Puid == "own-1").Select(d => d.Id).SingleAsync();
            // Three notices: the trusted flagger's, acted on by the decision above 6 hours after it arrived; one from
            // the public form with no action; one still waiting.
            var submit = sp.GetRequiredService<SubmitNotice>();
            var desk = sp.GetRequiredService<NoticeDesk>();
            var reviewer = RightsDesk.Core.Cases.Actor.Person("dsa-reviewer", "dsa-reviewer");
            IllegalContentNotice Notice(params string[] urls) => new(urls, "This reply incites hatred against a group.", null, null, null, true, "en");
            var flagged = await submit.RunAsync(Notice("https://social.example/p/tf-1", "https://social.example/p/tf-2"), new NoticeSender(NoticeSource.TrustedFlagger, ModerationSupport.Platform, null), default);
            var plain = await submit.FromPublicAsync(Notice("https://social.example/p/plain-1"), default);
            await submit.FromPublicAsync(Notice("https://social.example/p/waiting-1"), default);
            app.Clock.Advance(TimeSpan.FromHours(6));
            Assert.True(await desk.DecideAsync(flagged.Id, NoticeOutcome.DecisionTaken, "tf-1", "We removed the reply you flagged.", reviewer, default));
            Assert.True(await desk.DecideAsync(plain.Id, NoticeOutcome.NoAction, null, "The post criticises a law; it stays up.", reviewer, default));
            var appeal = await sp.GetRequiredService<SubmitAppeal>().ByDecisionAsync(own, new AppealInput("The reply quoted a slur in order to criticise it.", null, "en", null), AppealChannel.Platform, ModerationSupport.Platform, default);
            Assert.NotNull(appeal);
            return 0;
        });

        var dir = Path.Combine(app.Dir, "dsa-2026");
        var run = await RunCli(["report", "dsa", "--year", "2026", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        string[] names =
        [
            "1_report_identification", "2_categories_names", "3_member_states_orders", "4_notices", "5_own_initiative_illegal", "6_own_initiative_TC",
            "7_appeals_and_recidivism", "8_automated_means", "9_human_resources", "10_AMAR", "11_qualitative",
        ];
        foreach (var name in names)
        {
            Assert.Contains($"{name}.csv: ", run.Output, StringComparison.Ordinal);
        }

        var orders = Rows(Path.Combine(dir, "3_member_states_orders.csv"));
        Assert.Equal(DsaHeaders.MemberStatesOrders, orders[0]);
        string[] Figures(string scope, string code) => orders.Single(r => r[5] == scope && r[3] == code) is var r ? [r[6], r[10]] : [];
        Assert.Equal(["1", "2"], Figures("TOTAL", "TOTAL"));
        Assert.Equal(["1", "1"], Figures("DE", "TOTAL"));
        Assert.Equal(["0", "1"], Figures("FR", "TOTAL"));
        Assert.Equal(["0", "0"], Figures("SK", "TOTAL"));
        Assert.Equal(["1", "2"], Figures("TOTAL", DsaCategories.NotSpecifiedOrder));
        Assert.DoesNotContain(orders, r => r[5] == "US");

        var notices = Rows(Path.Combine(dir, "4_notices.csv"));
        Assert.Equal(DsaHeaders.Notices, notices[0]);
        var hate = notices.Single(r => r[3] == "KEYWORD_HATE_SPEECH");
        Assert.Equal(["0", "0", "1", "1"], hate[11..15]);
        // The notices themselves: received, from trusted flaggers, items named (each), median hours to act (each).
        Assert.Equal(["1", "1", "2", "2", "6.0", "6.0"], hate[5..11]);
        Assert.Equal(["3", "1", "4", "2", "6.0", "6.0"], notices.Single(r => r[3] == "TOTAL")[5..11]);
        Assert.Equal(["2", "0", "2", "0", "", ""], notices.Single(r => r[3] == DsaCategories.NotSpecifiedNotice)[5..11]);

        var terms = Rows(Path.Combine(dir, "6_own_initiative_TC.csv"));
        Assert.Equal(DsaHeaders.OwnInitiativeTc, terms[0]);
        Assert.Equal(["1", "1", "1"], terms.Single(r => r[3] == "KEYWORD_HATE_SPEECH")[5..8]);
        Assert.Equal(["1", "1", "1"], terms.Single(r => r[3] == "TOTAL")[5..8]);
        Assert.All(Rows(Path.Combine(dir, "5_own_initiative_illegal.csv")).Skip(1), r => Assert.Equal("0", r[5]));

        var appeals = Rows(Path.Combine(dir, "7_appeals_and_recidivism.csv"));
        string Value(string indicator, string scope) => appeals.Single(r => r[4] == indicator && r[5] == scope)[6];
        Assert.Equal("1", Value(DsaHeaders.ComplaintsSubmitted, "Total number"));
        Assert.Equal("1", Value(DsaHeaders.ComplaintsSubmitted, "Decision omitted"));
        Assert.Equal("1", Value(DsaHeaders.ComplaintVisibility, "Total number"));

        var automated = Rows(Path.Combine(dir, "8_automated_means.csv"));
        string Auto(string indicator, string scope) => automated.Single(r => r[4] == indicator && r[5] == scope)[6];
        Assert.Equal(["1", "1"], new[] { Auto(DsaHeaders.MeasuresAutomated, "Total number"), Auto(DsaHeaders.MeasuresNotAutomated, "Total number") });
        Assert.Equal(["1", "0"], new[] { Auto(DsaHeaders.MeasuresAutomated, "Own-initiative "), Auto(DsaHeaders.MeasuresNotAutomated, "Own-initiative ") });
        Assert.Equal(["0", "3"], new[] { Auto(DsaHeaders.NoticesAutomated, "NAM Total"), Auto(DsaHeaders.NoticesNotAutomated, "NAM Total") });

        var identification = Rows(Path.Combine(dir, "1_report_identification.csv"));
        Assert.Contains(identification, r => r[2] == "Version of the report" && r[3] == "1");
        Assert.Contains(identification, r => r[2] == "Starting date of reporting period" && r[3] == "2026-01-01");

        // The ledger names what was written: counts and each file's hash, never a figure's subject.
        var written = await app.InScope(async sp => (await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .Where(e => e.Code == (int)RightsDesk.Core.Ledger.Events.LedgerEventCode.DsaReportWritten).Select(e => e.Data).ToListAsync()).Single());
        using (var fields = JsonDocument.Parse(written))
        {
            var f = fields.RootElement.GetProperty("fields");
            Assert.Equal("3", f.GetProperty("orders").GetString());
            Assert.Equal("2", f.GetProperty("measures").GetString());
            Assert.Equal("1", f.GetProperty("complaints").GetString());
            Assert.Equal("true", f.GetProperty("noticesRecorded").GetString());
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir, "7_appeals_and_recidivism.csv"))));
            Assert.Equal(sha, f.GetProperty("file:7_appeals_and_recidivism.csv").GetString());
        }

        using var workbook = SpreadsheetDocument.Open(Path.Combine(dir, DsaFiles.Workbook), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(names, sheets);
    }

    [Fact]
    public async Task A_year_before_the_templates_is_refused_with_a_message()
    {
        var run = await RunCli(["report", "dsa", "--year", "2019", "--out", Path.Combine(app.Dir, "old"), .. Store(app)]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--year must be 2024 or later", run.Error, StringComparison.Ordinal);
    }

    private static async Task Record(IServiceProvider sp, string json, string puid)
    {
        using var doc = JsonDocument.Parse(json.Replace("\"tf-1\"", $"\"{puid}\"", StringComparison.Ordinal));
        var results = await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(ModerationDecisionReader.ReadBody(doc.RootElement), false, [puid], ModerationSupport.Platform), default);
        Assert.True(results is [{ Status: DecisionStatus.Created }], string.Join("; ", results.SelectMany(r => r.Errors).Select(e => e.Field + ": " + e.Message)));
    }

    /// <summary>Reads a CSV the way a spreadsheet does: quoted fields may hold commas, doubled quotes are one.</summary>
    private static List<string[]> Rows(string path)
    {
        var rows = new List<string[]>();
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = !quoted; }
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else { field.Append(c); }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    private async Task CreateDemand(string example)
    {
        var node = JsonNode.Parse(TestRepo.Example(example))!;
        if (node["targets"] is JsonArray { Count: > 0 } targets && targets[0]!["id"] is not null)
        {
            targets[0]!["id"] = "acct-dsa-" + Guid.NewGuid().ToString("N")[..8];
        }

        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}

public sealed class SqliteDsaReportCommandTests : DsaReportCommandTests<SqliteDeskApp>;

public sealed class PostgresDsaReportCommandTests : DsaReportCommandTests<PostgresDeskApp>;
