using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Pushback;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Pushback;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's push-back: a legal challenge to the Hong Kong national security orders behind the demo's Hong Kong
/// demands (linked to them, so their pages show it), and a request to GNI about Türkiye's insult law.
/// </summary>
public static class PushbackDemo
{
    public static async Task SeedAsync(IServiceProvider sp, Actor lead, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var policy = sp.GetRequiredService<PolicyProvider>().Current;
        var records = sp.GetRequiredService<PushbackRecords>();
        var hongKong = await db.Demands.AsNoTracking().Where(d => d.AuthorityCountry == "HK").OrderBy(d => d.ReceivedAt).Select(d => d.Id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var challenge = new
        {
            kind = "legalChallenge", subject = "Orders under the National Security Law to disclose the data of pro-democracy accounts", country = "HK",
            offences = new[] { "hk-nsl-secession-subversion", "hk-sedition" }, court = "Court of First Instance, High Court of Hong Kong",
            caseNumber = "HCAL 1234/2026", status = "active", started = today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            demands = hongKong.Select(d => d.ToString()).ToArray(),
            summary = "Judicial review of the orders: the offences are vague and the orders name no specific conduct.",
        };
        await records.RecordAsync(PushbackReader.Read(JsonSerializer.SerializeToElement(challenge), policy), lead, ct);

        var advocacy = new
        {
            kind = "advocacy", subject = "Joint request to GNI on prosecutions under Art. 299 of the Turkish Penal Code", country = "TR",
            offences = new[] { "tr-insulting-president-299" }, target = "gni", status = "concluded", outcome = "partlySucceeded",
            started = today.AddDays(-200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        await records.RecordAsync(PushbackReader.Read(JsonSerializer.SerializeToElement(advocacy), policy), lead, ct);
    }
}
