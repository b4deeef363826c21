using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Export;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Originals;

/// <summary>
/// `rightsdesk publish takedowns` on SQLite and PostgreSQL: the public tier takes a phone, an e-mail address, a
/// handle and a name out of the demand's own words and keeps its case number; the researcher tier keeps what the
/// rule table gives researchers (the official who signed, the authority's contact); a gagged demand is not
/// published and is counted; each run and each redaction list is in the ledger without the words.
/// </summary>
public abstract class PublishTakedownsTests<TApp> : ExportTestBase<TApp> where TApp : DeskApp, new()
{
    private const string Words = "The user Ms Jana Novak (@jnovak@social.example, jana.novak@mail.example, +49 30 901820) posted a call to violence. "
        + "Novak also wrote at https://social.example/@jnovak/5512. Questions on file VG-2026/0815 to Referentin M. Vogel, m.vogel@bfj.bund.example.";

    private Task<CliRun> Publish(string dir, params string[] more) =>
        RunCli(["publish", "takedowns", "--from", "2020-01-01", "--to", "2030-12-31", "--out", dir, .. Store(app), .. more]);

    private async Task<Guid> File(Action<JsonObject> edit, bool decide = true)
    {
        var demand = JsonNode.Parse(TestRepo.Example("07-germany-section-130-court-order"))!.AsObject();
        edit(demand);
        var body = Encoding.UTF8.GetBytes(demand.ToJsonString());
        var id = Guid.Empty;
        await app.InScope(async sp =>
        {
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(
                new CreateDemand.Request(DemandReader.Read(body), body, null, Actor.Person("orig-ines", "ines@desk.example"), IntakeRoute.Desk), default);
            id = created.Record.Id;
            if (!decide)
            {
                return;
            }

            var cases = sp.GetRequiredService<DemandCases>();
            var record = (await cases.FindAsync(id, default))!;
            await sp.GetRequiredService<Decide>().RunAsync(record,
                new DecisionInput(Recommendation.RestrictInJurisdiction, "Restricted where the law cited applies, after review of the order.", null, null), Actor.Person("orig-rita", "rita@desk.example"), default);
            foreach (var (name, role) in new[] { ("orig-hana", Roles.HumanRightsLead), ("orig-bob", Roles.Approver), ("orig-omar", Roles.HumanRightsLead) })
            {
                record = (await cases.FindAsync(id, default))!;
                if (record.State != DemandState.AwaitingApproval)
                {
                    break;
                }

                await sp.GetRequiredService<Approve>().RunAsync(record, Viewer.For(Actor.Person(name, name + "@desk.example"), role, viaToken: false), null, default);
            }
        });
        return id;
    }

    private static void Regulator(JsonObject d)
    {
        d["legalProcess"] = "administrativeOrder";
        var a = d["authority"]!.AsObject();
        a["name"] = "Bundesamt für Justiz";
        a["type"] = "regulator";
        a["officer"] = "Referentin M. Vogel";
        a["email"] = "m.vogel@bfj.bund.example";
        a["reference"] = "VG-2026/0815";
        d["statementOfReasons"] = Words;
        d["targets"] = new JsonArray(
            new JsonObject { ["type"] = "url", ["id"] = "https://social.example/p/88120173" },
            new JsonObject { ["type"] = "account", ["id"] = "@jnovak@social.example" });
    }

    private async Task<string> ReferenceOf(Guid id) =>
        await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().Demands.Where(d => d.Id == id).Select(d => d.Reference!).SingleAsync());

    private static string ReadAll(string dir) =>
        string.Concat(Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(System.IO.File.ReadAllText));

    [Fact]
    public async Task The_public_tier_redacts_personal_data_keeps_the_case_number_and_holds_gagged_demands()
    {
        var published = await File(Regulator);
        var gagged = await File(d =>
        {
            Regulator(d);
            d["nonDisclosure"] = new JsonObject { ["required"] = true, ["until"] = "2030-06-30", ["basis"] = "§ 101 StPO" };
        });
        await File(Regulator, decide: false);

        var dir = Out("public");
        var run = await Publish(dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        var reference = await ReferenceOf(published);
        var path = Path.Combine(dir, "DE", "2026", $"2026-01-20-{reference.ToLowerInvariant()}.md");
        Assert.True(System.IO.File.Exists(path), string.Join("\n", Directory.GetFiles(dir, "*", SearchOption.AllDirectories)));
        Assert.Equal(["index.md"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Assert.True(System.IO.File.Exists(Path.Combine(dir, "DE", "2026", "index.md")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir, "DE", "2026")).Length);

        var md = await System.IO.File.ReadAllTextAsync(path);
        Assert.Contains("| Authority | Bundesamt für Justiz (regulator, DE) |", md, StringComparison.Ordinal);
        Assert.Contains("| Date received | 2026-01-20 |", md, StringComparison.Ordinal);
        Assert.Contains("| Legal ground | § 130 StGB (Volksverhetzung); § 1004 BGB analog |", md, StringComparison.Ordinal);
        Assert.Contains("| What was done |", md, StringComparison.Ordinal);
        Assert.Contains("The user Ms [redacted: name] ([redacted: account], [redacted: email], [redacted: phone]) posted a call to violence.", md, StringComparison.Ordinal);
        Assert.Contains("Questions on file VG-2026/0815 to [redacted: official], [redacted: email].", md, StringComparison.Ordinal);
        Assert.Contains("| phone | phone-number | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| email | email-address | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| name | person-title | 1 |", md, StringComparison.Ordinal);

        var all = ReadAll(dir);
        foreach (var gone in new[] { "901820", "jana.novak@", "jnovak", "Jana", "Novak", "Vogel", "bfj.bund" })
        {
            Assert.DoesNotContain(gone, all, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("VG-2026/0815", all, StringComparison.Ordinal);
        Assert.DoesNotContain((await ReferenceOf(gagged)).ToLowerInvariant(), string.Join("\n", Directory.GetFiles(dir, "*", SearchOption.AllDirectories)), StringComparison.Ordinal);
        Assert.Equal(1, Figure(run, "originals published"));
        Assert.Equal(1, Figure(run, "not published: non-disclosure order in force"));
        Assert.Equal(1, Figure(run, "not published: not decided yet"));
        Assert.Contains($"held: {await ReferenceOf(gagged)}: the order binds until 2030-06-30", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 demand is not published while a non-disclosure order binds", await System.IO.File.ReadAllTextAsync(Path.Combine(dir, "index.md")), StringComparison.Ordinal);

        var events = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.Code == (int)LedgerEventCode.TakedownsPublished || e.Code == (int)LedgerEventCode.TakedownRedactionsListed).ToListAsync());
        var run1 = JsonDocument.Parse(events.Single(e => e.Code == (int)LedgerEventCode.TakedownsPublished).Data).RootElement.GetProperty("fields");
        Assert.Equal("1", run1.GetProperty("originals").GetString());
        Assert.Equal("1", run1.GetProperty("heldByNonDisclosure").GetString());
        Assert.Equal("public", run1.GetProperty("tier").GetString());
        var list = events.Single(e => e.Code == (int)LedgerEventCode.TakedownRedactionsListed);
        Assert.Equal(published.ToString(), list.SubjectId);
        Assert.Equal("1", JsonDocument.Parse(list.Data).RootElement.GetProperty("fields").GetProperty("redacted:phone:phone-number").GetString());
        Assert.All(events, e => Assert.DoesNotContain("novak", e.Data, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_public_pages_meet_RDR_F6_8_and_a_public_publication_adds_to_them_where_a_researcher_one_does_not()
    {
        Assert.Equal("notMet", (await F68()).GetProperty("status").GetString());
        await File(Regulator, decide: false);
        // Not decided: the public pages hold nothing yet, so nothing is published.
        Assert.Equal("notMet", (await F68()).GetProperty("status").GetString());

        await File(Regulator);
        var shown = await F68();
        Assert.Equal("met", shown.GetProperty("status").GetString());
        Assert.Equal("1 originals of 2026 on the public pages", shown.GetProperty("evidence").GetString());
        Assert.Equal("/en/transparency/takedowns", shown.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("gap").ValueKind);

        Assert.Equal(0, (await Publish(Out("researcher"), "--tier", "researcher")).ExitCode);
        Assert.Equal("1 originals of 2026 on the public pages", (await F68()).GetProperty("evidence").GetString());

        Assert.Equal(0, (await Publish(Out("public"))).ExitCode);
        Assert.StartsWith("1 originals of 2026 on the public pages; 1 originals in the latest public publication (", (await F68()).GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> F68()
    {
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/transparency/rdr.json"));
        return doc.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "F6")
            .GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("number").GetInt32() == 8).Clone();
    }

    [Fact]
    public async Task The_researcher_tier_keeps_what_the_rule_table_gives_researchers_and_nothing_private()
    {
        var id = await File(Regulator);
        var dir = Out("researcher");
        var run = await Publish(dir, "--tier", "researcher");
        Assert.True(run.ExitCode == 0, run.ToString());
        var md = await System.IO.File.ReadAllTextAsync(Path.Combine(dir, "DE", "2026", $"2026-01-20-{(await ReferenceOf(id)).ToLowerInvariant()}.md"));
        Assert.Contains("Questions on file VG-2026/0815 to Referentin M. Vogel, m.vogel@bfj.bund.example.", md, StringComparison.Ordinal);
        Assert.Contains("| Signed by | Referentin M. Vogel |", md, StringComparison.Ordinal);
        Assert.Contains("| Published for | researchers with an account |", md, StringComparison.Ordinal);
        foreach (var gone in new[] { "901820", "jana.novak@", "jnovak", "Jana", "Novak" })
        {
            Assert.DoesNotContain(gone, md, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Matches(@"tier\s+researcher", run.Output);
    }

    [Fact]
    public async Task A_directory_with_other_files_and_a_bad_tier_are_refused()
    {
        var dir = Out("busy");
        Directory.CreateDirectory(dir);
        await System.IO.File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "mine");
        var run = await Publish(dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("notes.txt", run.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));

        var bad = await Publish(Out("x"), "--tier", "everyone");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("public or researcher", bad.Error, StringComparison.Ordinal);
    }
}

public sealed class SqlitePublishTakedownsTests : PublishTakedownsTests<SqliteDeskApp>;

public sealed class PostgresPublishTakedownsTests : PublishTakedownsTests<PostgresDeskApp>;
