using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>An assessment's recommendation becomes the policy in force only when a second person approves the proposed change.</summary>
public abstract class ImpactRecommendationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task A_suspension_recommended_and_proposed_is_in_force_after_a_second_person_approves_it()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "rec-lead");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "KE");
        var risk = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", ImpactFlowTests<TApp>.RiskBody("Reporters' IP addresses demanded", 3, 3, 3, 3)));

        var missing = await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/recommendations", new { kind = "suspendProcessing", country = "KE", reasons = "r", risks = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var refusal = await missing.Content.ReadAsStringAsync();
        Assert.Contains("demandKinds", refusal, StringComparison.Ordinal);
        Assert.Contains("risks", refusal, StringComparison.Ordinal);

        var rec = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/recommendations", new
        {
            kind = "suspendProcessing", country = "KE", demandKinds = new[] { "userData", "preservation" },
            reasons = "Reporters' data is sought to identify sources; suspend as for Hong Kong", risks = new[] { risk },
        }));
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsync($"/api/v1/impact-assessments/{id}/recommendations/{rec}/propose", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsync($"/api/v1/impact-assessments/{id}/recommendations/{rec}/propose", null)).StatusCode);

        var proposed = Assert.Single((await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}/recommendations")).EnumerateArray());
        Assert.Equal("proposed", proposed.GetProperty("state").GetString());
        Assert.Equal("jurisdictions/KE.json", proposed.GetProperty("policyFile").GetString());
        var overrideId = proposed.GetProperty("overrideId").GetString()!;
        Assert.DoesNotContain(Policy().ProfileFor("KE").Overrides, o => o.Id == overrideId);

        // A human rights lead proposes; only someone who may change the policy approves, on the desk.
        var proposerRole = await PageSession.CreatePersonAsync(app, $"rec-lead-{Guid.NewGuid():N}"[..20] + "@desk.example", Roles.HumanRightsLead);
        using (var s = new PageSession(app))
        {
            await s.SignInAsync(proposerRole);
            await s.GetAsync("/desk/admin/policy/proposals", HttpStatusCode.Redirect);
        }

        var admin = await PageSession.CreatePersonAsync(app, $"rec-admin-{Guid.NewGuid():N}"[..20] + "@desk.example", Roles.Admin);
        using var a = new PageSession(app);
        await a.SignInAsync(admin);
        Assert.Contains(overrideId, await a.GetAsync("/desk/admin/policy/proposals"), StringComparison.Ordinal);
        var approved = await a.PostFormAsync("/desk/admin/policy/proposals", [new("assessment", id.ToString()), new("recommendation", rec.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var inForce = Policy();
        var added = Assert.Single(inForce.ProfileFor("KE").Overrides, o => o.Id == overrideId);
        Assert.Equal(OverrideEffect.SuspendAll, added.Effect);
        Assert.Equal([DemandKind.UserData, DemandKind.Preservation], added.Kinds);
        Assert.Contains(id.ToString(), added.Source, StringComparison.Ordinal);
        Assert.Contains(overrideId, await File.ReadAllTextAsync(Path.Combine(app.Dir, "policy", "jurisdictions", "KE.json")), StringComparison.Ordinal);

        var after = Assert.Single((await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}/recommendations")).EnumerateArray());
        Assert.Equal("approved", after.GetProperty("state").GetString());
        Assert.Equal(inForce.Version, after.GetProperty("policyVersion").GetString());
        await app.InScope(async sp =>
        {
            var codes = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.Where(e => e.SubjectId == id.ToString() || e.SubjectId == "jurisdictions/KE.json")
                .Select(e => e.Code).ToListAsync();
            Assert.Contains((int)LedgerEventCode.ImpactRecommendationRecorded, codes);
            Assert.Contains((int)LedgerEventCode.ImpactRecommendationProposed, codes);
            Assert.Contains((int)LedgerEventCode.ImpactRecommendationApproved, codes);
            Assert.Contains((int)LedgerEventCode.PolicyChanged, codes);
        });

        var again = await a.PostFormAsync("/desk/admin/policy/proposals", [new("assessment", id.ToString()), new("recommendation", rec.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already approved", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_desk_a_lead_recommends_leaving_a_market_proposes_it_and_sees_it_wait_for_approval()
    {
        var api = await app.ClientFor(Roles.HumanRightsLead, "rec-lead-desk");
        var id = await ImpactFlowTests<TApp>.CreateAsync(api, "TH");
        var risk = await ImpactFlowTests<TApp>.IdOf(await api.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", ImpactFlowTests<TApp>.RiskBody("Lese-majeste prosecutions of users", 4, 3, 4, 3)));
        var lead = await PageSession.CreatePersonAsync(app, $"rec-desk-{Guid.NewGuid():N}"[..20] + "@desk.example", Roles.HumanRightsLead);
        using var s = new PageSession(app);
        await s.SignInAsync(lead);
        var page = $"/desk/impact/{id}/recommendations";
        var refused = await s.PostFormAsync(page, [new("kind", "leaveMarket"), new("country", "TH"), new("reasons", "")], page + "?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("form-errors", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await s.PostFormAsync(page, [new("kind", "leaveMarket"), new("country", "TH"), new("reasons", "No way to serve users without handing them to prosecutors"), new("risks", risk.ToString())], page + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rec = Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}/recommendations")).EnumerateArray()).GetProperty("id").GetGuid();
        var proposed = await s.PostFormAsync(page, [new("recommendation", rec.ToString())], page + "?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains("waiting for approval", await s.GetAsync(page), StringComparison.Ordinal);
        Assert.Contains("jurisdictions/TH.json", await s.GetAsync(page), StringComparison.Ordinal);
    }

    private PolicySet Policy()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PolicyProvider>().Current;
    }
}

public sealed class SqliteImpactRecommendationTests(SqliteDeskApp app) : ImpactRecommendationTests<SqliteDeskApp>(app);

public sealed class PostgresImpactRecommendationTests(PostgresDeskApp app) : ImpactRecommendationTests<PostgresDeskApp>(app);
