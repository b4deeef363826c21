using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>Administration in the desk: accounts, tokens, policy edits and the at-risk registry, each for its roles only.</summary>
public abstract class AdminPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@desk.example";

    [Fact]
    public async Task An_admin_adds_a_colleague_and_sees_the_enrolment_link_once()
    {
        var admin = await PageSession.CreatePersonAsync(app, Email("admin"), Roles.Admin);
        using var s = new PageSession(app);
        await s.SignInAsync(admin);
        var newcomer = Email("new");
        var added = await s.PostFormAsync("/desk/admin", [new("email", newcomer), new("name", "Nadia"), new("role", Roles.Approver)], "/desk/admin?handler=add");
        var html = await added.Content.ReadAsStringAsync();
        Assert.Matches("id=\"enrolment-link\">https://localhost/account/enrol\\?token=[A-Za-z0-9_-]{40,}<", html);
        var list = await s.GetAsync("/desk/admin");
        Assert.Contains(newcomer, list, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/enrol?token=", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_policy_edit_is_refused_with_the_reason_and_a_good_one_is_recorded()
    {
        var admin = await PageSession.CreatePersonAsync(app, Email("admin"), Roles.Admin);
        using var s = new PageSession(app);
        await s.SignInAsync(admin);
        var form = await s.GetAsync("/desk/admin/policy?policyFile=offences.json");
        Assert.Contains("policy/offences.json", form, StringComparison.Ordinal);

        var broken = await s.PostFormAsync("/desk/admin/policy?policyFile=offences.json", [new("PolicyFile", "offences.json"), new("Text", "{ not json")]);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Not saved: policy/offences.json", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var original = await File.ReadAllTextAsync(Path.Combine(app.Dir, "policy", "offences.json"));
        var saved = await s.PostFormAsync("/desk/admin/policy?policyFile=offences.json", [new("PolicyFile", "offences.json"), new("Text", original + "\n")]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved. The policy in force is now version", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.InScope(async sp => Assert.True(await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AnyAsync(e => e.Code == (int)LedgerEventCode.PolicyChanged && e.SubjectId == "offences.json")));

        var outside = await s.PostFormAsync("/desk/admin/policy?policyFile=offences.json", [new("PolicyFile", "../secrets.json"), new("Text", "{}")]);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.Dir, "secrets.json")));
    }

    [Fact]
    public async Task The_at_risk_registry_is_closed_to_roles_not_cleared_for_it()
    {
        var reviewer = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var responder = await PageSession.CreatePersonAsync(app, Email("ivan"), Roles.IncidentResponder);
        using (var s = new PageSession(app))
        {
            await s.SignInAsync(reviewer);
            await s.GetAsync("/desk/at-risk", HttpStatusCode.Redirect);
            await s.GetAsync("/desk/admin", HttpStatusCode.Redirect);
            await s.GetAsync("/desk/admin/policy", HttpStatusCode.Redirect);
        }

        using var r = new PageSession(app);
        await r.SignInAsync(responder);
        var account = "journo-" + Guid.NewGuid().ToString("N")[..8];
        var added = await r.PostFormAsync("/desk/at-risk", [new("identifiers[0].kind", "account"), new("identifiers[0].value", account), new("category", "journalist"), new("note", "")], "/desk/at-risk?handler=add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(account, await r.GetAsync("/desk/at-risk"), StringComparison.Ordinal);
    }
}

public sealed class SqliteAdminPagesTests(SqliteDeskApp app) : AdminPagesTests<SqliteDeskApp>(app);

public sealed class PostgresAdminPagesTests(PostgresDeskApp app) : AdminPagesTests<PostgresDeskApp>(app);
