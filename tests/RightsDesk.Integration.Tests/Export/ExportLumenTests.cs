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
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Export;

/// <summary>
/// `rightsdesk export lumen` over decided takedown demands, on SQLite and PostgreSQL: a court order and a government
/// request as Lumen's two notice types, an account handle, an e-mail address and a phone number redacted with their
/// reasons, the signing official never named, a demand under a non-disclosure order held back, and a directory with
/// other files refused.
/// </summary>
public abstract class ExportLumenTests<TApp> : ExportTestBase<TApp> where TApp : DeskApp, new()
{
    private static readonly Actor Decider = Actor.Person("lumen-rita", "rita@desk.example");

    private Task<CliRun> ExportLumen(string dir) =>
        RunCli(["export", "lumen", "--from", "2020-01-01", "--to", "2030-12-31", "--out", dir, .. Store(app)]);

    /// <summary>A takedown demand filed on the desk from the German court order example, changed by <paramref name="edit"/>.</summary>
    private async Task<Guid> File(Action<JsonObject> edit, bool decide = true)
    {
        var demand = JsonNode.Parse(TestRepo.Example("07-germany-section-130-court-order"))!.AsObject();
        edit(demand);
        var body = Encoding.UTF8.GetBytes(demand.ToJsonString());
        var id = Guid.Empty;
        await app.InScope(async sp =>
        {
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(
                new CreateDemand.Request(DemandReader.Read(body), body, null, Actor.Person("lumen-ines", "ines@desk.example"), IntakeRoute.Desk), default);
            id = created.Record.Id;
            if (!decide)
            {
                return;
            }

            var cases = sp.GetRequiredService<DemandCases>();
            var record = (await cases.FindAsync(id, default))!;
            await sp.GetRequiredService<Decide>().RunAsync(record,
                new DecisionInput(Recommendation.RestrictInJurisdiction, "Restricted where the law cited applies, after review of the order.", null, null), Decider, default);
            foreach (var (name, role) in new[] { ("lumen-hana", Roles.HumanRightsLead), ("lumen-bob", Roles.Approver), ("lumen-omar", Roles.HumanRightsLead) })
            {
                record = (await cases.FindAsync(id, default))!;
                if (record.State != DemandState.AwaitingApproval)
                {
                    break;
                }

                await sp.GetRequiredService<Approve>().RunAsync(record, Viewer.For(Actor.Person(name, name + "@desk.example"), role, viaToken: false), null, default);
            }

            Assert.Equal(DemandState.Decided, (await cases.FindAsync(id, default))!.State);
        });
        return id;
    }

    private async Task<string> ReferenceOf(Guid id) =>
        await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().Demands.Where(d => d.Id == id).Select(d => d.Reference!).SingleAsync());

    [Fact]
    public async Task Court_orders_and_government_requests_are_written_with_personal_data_redacted_and_gagged_demands_held()
    {
        var court = await File(d => d["targets"] = new JsonArray(
            new JsonObject { ["type"] = "url", ["id"] = "https://social.example/p/99120455" },
            new JsonObject { ["type"] = "account", ["id"] = "@jana.novak" }));
        var government = await File(d =>
        {
            d["legalProcess"] = "administrativeOrder";
            var a = d["authority"]!.AsObject();
            a["name"] = "Bundesamt für Justiz";
            a["type"] = "regulator";
            a["officer"] = "Referentin M. Vogel";
            a["email"] = "m.vogel@bfj.bund.de";
            a["reference"] = "NetzDG 2026/18342";
            d["legalBasis"] = "§ 3 NetzDG; complaint of jana.novak@example.org, phone +49 30 901820";
            d["targets"] = new JsonArray(new JsonObject { ["type"] = "url", ["id"] = "https://social.example/@jana.novak/11223344" });
        });
        var gagged = await File(d => d["nonDisclosure"] = new JsonObject { ["required"] = true, ["until"] = "2030-06-30", ["basis"] = "§ 101 StPO" });
        await File(_ => { }, decide: false);

        var dir = Out("lumen");
        var run = await ExportLumen(dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { $"notice-{await ReferenceOf(court)}.json", $"notice-{await ReferenceOf(government)}.json" }.Order(StringComparer.Ordinal), files);
        var courtFile = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(dir, $"notice-{await ReferenceOf(court)}.json")))!;
        var govFile = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(dir, $"notice-{await ReferenceOf(government)}.json")))!;

        var c = courtFile["notice"]!;
        Assert.Equal("CourtOrder", c["type"]!.GetValue<string>());
        Assert.Equal("2026-01-20", c["date_received"]!.GetValue<string>());
        Assert.Equal("DE", c["jurisdiction_list"]!.GetValue<string>());
        Assert.Equal("§ 130 StGB (Volksverhetzung), § 1004 BGB analog", c["regulation_list"]!.GetValue<string>());
        Assert.Equal("27 O 112/25", c["case_id_number"]!.GetValue<string>());
        Assert.Contains(c["action_taken"]!.GetValue<string>(), new[] { "Yes", "Partial" });
        var sender = c["entity_notice_roles_attributes"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "sender")!["entity_attributes"]!;
        Assert.Equal("Landgericht Berlin", sender["name"]!.GetValue<string>());
        Assert.Equal("DE", sender["country_code"]!.GetValue<string>());
        var works = c["works_attributes"]!.AsArray();
        Assert.Equal("https://social.example/p/99120455", works[0]!["infringing_urls_attributes"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("[redacted: account]", works[1]!["infringing_urls_attributes"]![0]!["url"]!.GetValue<string>());
        var courtRedactions = courtFile["redactions"]!.AsArray();
        Assert.Contains(courtRedactions, r => r!["kind"]!.GetValue<string>() == "account"
            && r["field"]!.GetValue<string>() == "works_attributes[1].infringing_urls_attributes[0].url"
            && r["reason"]!.GetValue<string>().Contains("identifies the user", StringComparison.Ordinal));
        Assert.Contains(courtRedactions, r => r!["kind"]!.GetValue<string>() == "official");

        var g = govFile["notice"]!;
        Assert.Equal("GovernmentRequest", g["type"]!.GetValue<string>());
        Assert.Equal("§ 3 NetzDG, complaint of [redacted: email], phone [redacted: phone]", g["regulation_list"]!.GetValue<string>());
        Assert.Equal("NetzDG 2026/18342", g["case_id_number"]!.GetValue<string>());
        Assert.Equal("[redacted: account]", g["works_attributes"]![0]!["infringing_urls_attributes"]![0]!["url"]!.GetValue<string>());
        var kinds = govFile["redactions"]!.AsArray().Select(r => (r!["kind"]!.GetValue<string>(), r["field"]!.GetValue<string>())).ToList();
        Assert.Contains(("email", "regulation_list"), kinds);
        Assert.Contains(("phone", "regulation_list"), kinds);
        Assert.Contains(("account", "works_attributes[0].infringing_urls_attributes[0].url"), kinds);
        Assert.All(govFile["redactions"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace(r!["reason"]!.GetValue<string>())));
        Assert.Contains("redacted", g["notes"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing that names a person: not the account, not the complainant, not the officials who signed.
        var all = string.Concat(Directory.GetFiles(dir).Select(System.IO.File.ReadAllText));
        foreach (var name in new[] { "jana", "901820", "Kessler", "lg.berlin.de", "Vogel", "bfj.bund.de" })
        {
            Assert.DoesNotContain(name, all, StringComparison.OrdinalIgnoreCase);
        }

        // The gagged demand is not written, and the summary says why and until when; the undecided one is counted.
        Assert.Equal(2, Figure(run, "notices written"));
        Assert.Equal(1, Figure(run, "court orders"));
        Assert.Equal(1, Figure(run, "government requests"));
        Assert.Equal(2, Figure(run, "redacted accounts"));
        Assert.Equal(1, Figure(run, "redacted emails"));
        Assert.Equal(1, Figure(run, "redacted phones"));
        Assert.Equal(1, Figure(run, "skipped: no decision yet"));
        Assert.Equal(1, Figure(run, "skipped: non-disclosure order in force"));
        Assert.Contains($"held: {await ReferenceOf(gagged)}: the order binds until 2030-06-30", run.Output, StringComparison.Ordinal);
        Assert.Contains("not exported until the order ends", run.Output, StringComparison.Ordinal);

        // One ledger event for the export's read of the sealed cases, with its counts.
        var fields = await app.InScope(async sp => JsonDocument.Parse((await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .SingleAsync(e => e.Code == (int)LedgerEventCode.LumenNoticesExported)).Data).RootElement.GetProperty("fields").Clone());
        Assert.Equal("2", fields.GetProperty("notices").GetString());
        Assert.Equal("1", fields.GetProperty("heldByNonDisclosure").GetString());
        Assert.DoesNotContain("jana", fields.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_directory_with_other_files_is_refused_and_left_as_it_was()
    {
        var dir = Out("busy");
        Directory.CreateDirectory(dir);
        await System.IO.File.WriteAllTextAsync(Path.Combine(dir, "batch-00001.json"), "{}");
        var run = await ExportLumen(dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("batch-00001.json", run.Error, StringComparison.Ordinal);
        Assert.Equal(["batch-00001.json"], Directory.GetFiles(dir).Select(Path.GetFileName));

        var bad = await RunCli(["export", "lumen", "--from", "2026-13-01", "--to", "2026-12-31", "--out", Out("x"), .. Store(app)]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("YYYY-MM-DD", bad.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteExportLumenTests : ExportLumenTests<SqliteDeskApp>;

public sealed class PostgresExportLumenTests : ExportLumenTests<PostgresDeskApp>;
