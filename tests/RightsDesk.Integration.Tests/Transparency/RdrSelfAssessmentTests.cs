using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// The RDR self-assessment on SQLite and PostgreSQL: before any report, the data elements are not met and say why;
/// once a report is published, they cite its tables and its notice shares; the page (English and Spanish) and the
/// JSON say the same, without script.
/// </summary>
public abstract class RdrSelfAssessmentTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_assessment_scores_each_element_from_the_published_report_and_names_the_gaps()
    {
        var anonymous = app.CreateClient();
        var before = await Assessment(anonymous);
        Assert.Equal(["G4a", "F5a", "F6", "F8", "P10a", "P11a", "P12"], before.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var byCountry = Element(before, "P11a", 1);
        Assert.Equal("notMet", byCountry.GetProperty("status").GetString());
        Assert.Equal("no published report has user_data_by_country", byCountry.GetProperty("gap").GetString());

        var intake = await app.ClientFor(Roles.Intake);
        for (var i = 0; i < 3; i++)
        {
            var node = JsonNode.Parse(TestRepo.Example("01-us-search-warrant"))!;
            node["targets"]![0]!["id"] = "acct-rdr-" + Guid.NewGuid().ToString("N")[..8];
            var created = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var run = await RunCli(["report", "--period", "2026-H1", "--out", Path.Combine(app.Dir, "report"), .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var after = await Assessment(anonymous);
        Assert.Equal("2026-H1", after.RootElement.GetProperty("reportPeriod").GetString());
        var cited = Element(after, "P11a", 1);
        Assert.Equal("met", cited.GetProperty("status").GetString());
        Assert.Equal("table user_data_by_country in 2026-H1 version 1", cited.GetProperty("evidence").GetString());
        Assert.Equal(JsonValueKind.Null, cited.GetProperty("gap").ValueKind);
        var notice = Element(after, "P12", 1);
        Assert.Equal("met", notice.GetProperty("status").GetString());
        Assert.Contains("notNotifiedPending", notice.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        var originals = Element(after, "F6", 8);
        Assert.Equal("notMet", originals.GetProperty("status").GetString());
        Assert.Equal("no public publication of original demands is on record", originals.GetProperty("evidence").GetString());
        Assert.Contains("publish takedowns --tier public", originals.GetProperty("gap").GetString(), StringComparison.Ordinal);
        Assert.InRange(Indicator(after, "P11a").GetProperty("score").GetInt32(), Indicator(before, "P11a").GetProperty("score").GetInt32() + 1, 100);

        var page = await anonymous.GetStringAsync("/en/transparency/rdr");
        Assert.Contains("P11a.1 Breaks out the number of demands by country", page, StringComparison.Ordinal);
        Assert.Contains("table user_data_by_country in 2026-H1 version 1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/en/transparency/rdr\"", await anonymous.GetStringAsync("/en/transparency"), StringComparison.Ordinal);
        var spanish = await anonymous.GetStringAsync("/es/transparency/rdr");
        Assert.Contains("Nuestra autoevaluación", spanish, StringComparison.Ordinal);
        Assert.Contains("href=\"/es/guidelines\"", spanish, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> Assessment(HttpClient client)
    {
        var response = await client.GetAsync("/transparency/rdr.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Indicator(JsonDocument doc, string id) =>
        doc.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static JsonElement Element(JsonDocument doc, string id, int number) =>
        Indicator(doc, id).GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("number").GetInt32() == number);
}

public sealed class SqliteRdrSelfAssessmentTests : RdrSelfAssessmentTests<SqliteDeskApp>;

public sealed class PostgresRdrSelfAssessmentTests : RdrSelfAssessmentTests<PostgresDeskApp>;
