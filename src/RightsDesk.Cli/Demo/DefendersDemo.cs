using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's at-risk registry: the people the worked examples name (so those demands are compartmented), and
/// people known by several identifiers in each state of the four-eyes life: active, waiting for a second person,
/// and with a removal waiting.
/// </summary>
internal static class DefendersDemo
{
    public static async Task SeedAsync(IServiceProvider sp, string examplesDir, Func<string, Viewer> viewer, CancellationToken ct)
    {
        var registry = sp.GetRequiredService<AtRiskRegistry>();
        var lead = viewer("hana");
        var responder = viewer("ivan");
        foreach (var file in Directory.GetFiles(examplesDir, "*.at-risk.json").Order())
        {
            foreach (var entry in JsonSerializer.Deserialize<List<JsonElement>>(await File.ReadAllTextAsync(file, ct))!)
            {
                var id = entry.GetProperty("id").GetString()!;
                await ActiveAsync(registry, lead, responder, Entry(entry.GetProperty("category").GetString()!, AtRiskSource.Staff, null, (AtRiskIdentifiers.Infer(id), id)), ct);
            }
        }

        await ActiveAsync(registry, lead, responder, Entry("journalist", AtRiskSource.PartnerNomination, "GB",
            (IdentifierKind.Handle, "@amira@social.example"), (IdentifierKind.ProfileUrl, "https://news.example/@amira_k"),
            (IdentifierKind.Email, "amira.k@gmail.com"), (IdentifierKind.Phone, "020 7946 0958")), ct);
        await ActiveAsync(registry, responder, lead, Entry("lawyer", AtRiskSource.SelfRequest, "TR",
            (IdentifierKind.Account, "acct-7730412"), (IdentifierKind.Phone, "+90 212 555 01 23")), ct);
        await registry.ProposeAsync(Entry("environmentalDefender", AtRiskSource.PartnerNomination, "BR",
            (IdentifierKind.Handle, "@rio_verde@floresta.example"), (IdentifierKind.Email, "rio.verde+press@proton.me")), responder.Actor, ct);
        var leaving = await ActiveAsync(registry, lead, responder, Entry("academic", AtRiskSource.Staff, null,
            (IdentifierKind.Account, "acct-1193377")), ct);
        await registry.ProposeRemovalAsync(leaving, lead, ct);
    }

    private static async Task<Guid> ActiveAsync(AtRiskRegistry registry, Viewer proposer, Viewer approver, AtRiskEntry entry, CancellationToken ct)
    {
        var proposal = await registry.ProposeAsync(entry, proposer.Actor, ct);
        if (proposal.Created)
        {
            await registry.ApproveAsync(proposal.Id, approver, ct);
        }

        return proposal.Id;
    }

    private static AtRiskEntry Entry(string category, AtRiskSource source, string? country, params (IdentifierKind Kind, string Value)[] ids)
    {
        var consent = source != AtRiskSource.Staff;
        return new AtRiskEntry(ids.Select(i => new AtRiskIdentifier(i.Kind, i.Value)).ToList(), category, source, consent,
            consent ? new DateOnly(2026, 11, 2) : null, new DateOnly(2027, 5, 1), AtRiskVisibility.LeadAndResponders, country, "demo entry");
    }
}
