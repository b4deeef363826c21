using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// What `export lumen` shows beyond the replayed examples: a government takedown that cites the complainant's e-mail
/// and phone and names an account by its profile URL (redacted, with reasons), and a court order under a
/// non-disclosure order still in force (held back, named by reference with the day it can be exported).
/// </summary>
public static class LumenDemo
{
    public static async Task SeedAsync(IServiceProvider sp, string examples, Func<string, Actor> person, Func<string, Viewer> viewer, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var received = sp.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-12);
        await FileAndDecideAsync(sp, examples, received, d =>
        {
            d["legalProcess"] = "administrativeOrder";
            var a = d["authority"]!.AsObject();
            a["name"] = "Bundesamt für Justiz";
            a["type"] = "regulator";
            a["officer"] = "Referentin M. Vogel";
            a["email"] = "m.vogel@bfj.bund.example";
            a["reference"] = "NetzDG 2026/18342";
            d["legalBasis"] = "§ 3 NetzDG; complaint of lena.hoffmann@example.org, phone +49 30 901820";
            d["targets"] = new JsonArray(
                new JsonObject { ["type"] = "url", ["id"] = "https://social.example/p/88120173" },
                new JsonObject { ["type"] = "url", ["id"] = "https://social.example/@lena.h.critic" });
        }, person, viewer, ct);
        await FileAndDecideAsync(sp, examples, received.AddDays(-3), d =>
            d["nonDisclosure"] = new JsonObject { ["required"] = true, ["until"] = today.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["basis"] = "§ 101 StPO" },
            person, viewer, ct);
    }

    internal static async Task FileAndDecideAsync(IServiceProvider sp, string examples, DateTimeOffset received, Action<JsonObject> edit,
        Func<string, Actor> person, Func<string, Viewer> viewer, CancellationToken ct)
    {
        var demand = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(examples, "07-germany-section-130-court-order.demand.json"), ct))!.AsObject();
        demand["receivedAt"] = received.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        demand["deadline"] = DateOnly.FromDateTime(received.UtcDateTime).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        demand["authority"]!["verification"] = new JsonObject
        {
            ["calledNumber"] = "the number on the authority's own website", ["numberSource"] = "the authority's published switchboard",
            ["spokeWith"] = "the duty officer, who confirmed the reference", ["confirmedEmail"] = JourneyDemo.ConfirmedAddress,
        };
        edit(demand);
        var parsed = DemandReader.Read(demand.ToJsonString());
        var body = JsonSerializer.SerializeToUtf8Bytes(parsed, JsonNames.Options);
        var created = await sp.GetRequiredService<CreateDemand>().RunAsync(new CreateDemand.Request(parsed, body, null, person("ines"), IntakeRoute.Desk), ct);
        var cases = sp.GetRequiredService<DemandCases>();
        var record = (await cases.FindAsync(created.Record.Id, ct))!;
        await sp.GetRequiredService<Decide>().RunAsync(record,
            new DecisionInput(Recommendation.RestrictInJurisdiction, "Restricted in Germany only, where the law cited applies, after review of the order.", null, null), person("alice"), ct);
        foreach (var name in new[] { "hana", "bob" })
        {
            record = (await cases.FindAsync(created.Record.Id, ct))!;
            if (record.State != DemandState.AwaitingApproval)
            {
                break;
            }

            await sp.GetRequiredService<Approve>().RunAsync(record, viewer(name), "Checked the legal basis and the territorial scope.", ct);
        }
    }
}
