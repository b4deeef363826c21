using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Cases;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// What `publish takedowns` shows beyond the Lumen demo's demands: a regulator's order whose own words name the
/// user (by title and name, handle, address and phone), repeat the account, and give the signing official's name
/// and contact, so the public tier shows every mark and the researcher tier what the rule table keeps.
/// </summary>
public static class OriginalsDemo
{
    public static Task SeedAsync(IServiceProvider sp, string examples, Func<string, Actor> person, Func<string, Viewer> viewer, CancellationToken ct) =>
        LumenDemo.FileAndDecideAsync(sp, examples, sp.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-20), d =>
        {
            d["legalProcess"] = "administrativeOrder";
            var a = d["authority"]!.AsObject();
            a["name"] = "Bundesamt für Justiz";
            a["type"] = "regulator";
            a["officer"] = "Referent K. Brandt";
            a["email"] = "k.brandt@bfj.bund.example";
            a["reference"] = "NetzDG 2026/20117";
            d["legalBasis"] = "§ 3 NetzDG";
            d["statementOfReasons"] = "The account of Herr Tobias Rehm (@t.rehm@social.example, tobias.rehm@mail.example, +49 30 901833) "
                + "published a post calling for attacks on a named shelter. Rehm repeated the call at https://social.example/@t.rehm/771. "
                + "Questions on file NetzDG 2026/20117 to Referent K. Brandt, k.brandt@bfj.bund.example.";
            d["targets"] = new JsonArray(
                new JsonObject { ["type"] = "url", ["id"] = "https://social.example/p/77120991" },
                new JsonObject { ["type"] = "account", ["id"] = "@t.rehm@social.example" });
        }, person, viewer, ct);
}
