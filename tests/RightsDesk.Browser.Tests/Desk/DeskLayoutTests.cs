using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Desk;

/// <summary>
/// Every page template of the desk at phone, laptop and wide-screen width, JavaScript off, with real cases in it:
/// nothing spills out of its card or the window, nothing is drawn over anything else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskLayoutTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Every_desk_page_fits_at_390_1280_and_1920_pixels()
    {
        var alice = await StaffPerson.Enrol(server, "alice", Roles.LegalReviewer);
        var bob = await StaffPerson.Enrol(server, "bob", Roles.Approver);
        var hana = await StaffPerson.Enrol(server, "hana", Roles.HumanRightsLead);
        var admin = await StaffPerson.Enrol(server, "admin", Roles.Admin);
        var awaiting = await SeedAsync();

        await using var reviewerContext = await browser.NewContext();
        var tab = await reviewerContext.NewPageAsync();
        await alice.SignIn(tab, server);
        foreach (var (path, name) in new[]
        {
            ("/desk", "queues"), ("/desk/demands", "demand-list"), ($"/desk/demands/{awaiting}", "demand-page"),
            ("/desk/demands/new", "intake"), ("/desk/officials", "officials"), ("/desk/glossary", "glossary"),
        })
        {
            await tab.GotoAsync(server.Url(path).ToString());
            await Layout.AssertFitsAtEverySize(tab, path, "layout.desk." + name);
        }

        // The approver's page carries the approval scope beside the assessment's allowance.
        await using var approverContext = await browser.NewContext();
        var approve = await approverContext.NewPageAsync();
        await bob.SignIn(approve, server);
        await approve.GotoAsync(server.Url($"/desk/demands/{awaiting}").ToString());
        Assert.Contains("What you are approving", await approve.InnerTextAsync("#approval-scope"), StringComparison.Ordinal);
        await Layout.AssertFitsAtEverySize(approve, "approval", "layout.desk.approval");

        await using var leadContext = await browser.NewContext();
        var lead = await leadContext.NewPageAsync();
        await hana.SignIn(lead, server);
        await lead.GotoAsync(server.Url("/desk/at-risk").ToString());
        await Layout.AssertFitsAtEverySize(lead, "/desk/at-risk", "layout.desk.at-risk");

        await using var adminContext = await browser.NewContext();
        var adminTab = await adminContext.NewPageAsync();
        await admin.SignIn(adminTab, server);
        foreach (var (path, name) in new[] { ("/desk/admin", "admin"), ("/desk/admin/tokens", "tokens"), ("/desk/admin/policy", "policy"), ("/desk/ledger", "ledger") })
        {
            await adminTab.GotoAsync(server.Url(path).ToString());
            await Layout.AssertFitsAtEverySize(adminTab, path, "layout.desk." + name);
        }
    }

    /// <summary>Worked examples taken in through the use cases (so the queues have rows), one decided and awaiting approval.</summary>
    private async Task<Guid> SeedAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateDemand>();
        var clerk = Actor.Person("layout-clerk", "layout-clerk@desk.example");
        Guid awaiting = default;
        foreach (var name in new[] { "03-us-subpoena-overbroad", "05-brazil-content-without-mlat", "07-germany-section-130-court-order", "13-regional-shutdown-order", "18-turkey-disinformation-law-activist" })
        {
            var json = await File.ReadAllTextAsync(Path.Combine(Repo.Policy, "examples", name + ".demand.json"));
            var demand = DemandReader.Read(json);
            var made = await create.RunAsync(new CreateDemand.Request(demand, System.Text.Encoding.UTF8.GetBytes(json), null, clerk, IntakeRoute.Desk), default);
            if (name.StartsWith("03", StringComparison.Ordinal))
            {
                var decider = Actor.Person("layout-reviewer", "layout-reviewer@desk.example");
                var decide = scope.ServiceProvider.GetRequiredService<Decide>();
                var record = await scope.ServiceProvider.GetRequiredService<DemandCases>().FindAsync(made.Record.Id, default);
                // Departing towards full disclosure, so the approver sees a widening marked.
                await decide.RunAsync(record!, new DecisionInput(Core.Assessment.Recommendation.Disclose, "The court confirmed the whole order by telephone.", demand.DataCategories, null), decider, default);
                awaiting = made.Record.Id;
            }
        }

        return awaiting;
    }
}
