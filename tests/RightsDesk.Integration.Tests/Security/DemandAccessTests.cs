using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Common;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// The object-level rules of <see cref="DemandAccess"/>, one rule per test. Each case is stored and read back from
/// the database first (creator, assignee and compartment are columns, compared on each engine), then judged by the
/// rule, and where the rule shows at the edge, through the API too.
/// </summary>
public abstract class DemandAccessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static ClaimsPrincipal As(string role, string? name = null) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Named(role, name)), new Claim(ClaimTypes.Name, Named(role, name)), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>How the ledger names the actor behind <see cref="DeskApp.ClientFor"/>'s token of that role and name.</summary>
    private static string Named(string role, string? name = null) => role == Roles.Platform ? "token:" + (name ?? role) : DeskApp.PersonEmail(name ?? role);

    /// <summary>A case stored through the service, with the compartment and assignee written, then read back fresh.</summary>
    private async Task<DemandRecord> Stored(string createdBy, bool restricted = false, string? assignedTo = null)
    {
        Guid id = default;
        await app.InScope(async sp =>
        {
            var body = Encoding.UTF8.GetBytes(TestRepo.Example("12-us-preservation-request"));
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(new CreateDemand.Request(DemandReader.Read(body), body, null, Core.Cases.Actor.Person(createdBy, createdBy), IntakeRoute.Api), default);
            // Creator and assignee by ledger name only, as cases stored before actor ids are: the kernel then compares
            // names, which is how both these principals and the API's tokens are named here.
            created.Record.CreatedBy = createdBy;
            created.Record.CreatedById = null;
            created.Record.Restricted = restricted;
            created.Record.AssignedTo = assignedTo;
            created.Record.AssignedToId = null;
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
            id = created.Record.Id;
        });
        DemandRecord? record = null;
        await app.InScope(async sp => record = await sp.GetRequiredService<RightsDeskDbContext>().Demands.AsNoTracking().SingleAsync(d => d.Id == id));
        return record!;
    }

    private static string Unique(string prefix) => $"token:{prefix}-{Guid.NewGuid():N}"[..40];

    [Fact]
    public async Task A_reader_sees_the_contents_of_an_open_case_someone_else_submitted()
    {
        var record = await Stored(Unique("intake"));
        Assert.True(DemandAccess.CanSeeContents(As(Roles.TrustAndSafety), record));
        Assert.True(DemandAccess.CanSee(As(Roles.Approver), record));
    }

    [Fact]
    public async Task A_role_without_case_reading_sees_no_contents_even_of_its_own_case()
    {
        var record = await Stored(Named(Roles.Platform));
        Assert.False(DemandAccess.CanSeeContents(As(Roles.Platform), record));

        // At the edge: the submitter gets the status view, without targets or reasons.
        var view = await (await app.ClientFor(Roles.Platform)).GetAsync($"/api/v1/demands/{record.Id}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var body = JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("assessed", body.GetProperty("state").GetString());
        Assert.False(body.TryGetProperty("demand", out _));
        Assert.DoesNotContain("acct-6620019", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitter_follows_its_own_case_and_nobody_elses()
    {
        var own = await Stored(Named(Roles.Platform));
        var others = await Stored(Unique("platform"));
        Assert.True(DemandAccess.CanSee(As(Roles.Platform), own));
        Assert.False(DemandAccess.CanSee(As(Roles.Platform), others));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(Roles.Platform)).GetAsync($"/api/v1/demands/{others.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_compartmented_case_is_hidden_from_readers_neither_cleared_nor_assigned()
    {
        var record = await Stored(Unique("intake"), restricted: true, assignedTo: Unique("assignee"));
        foreach (var role in new[] { Roles.Intake, Roles.LegalReviewer, Roles.Approver, Roles.TrustAndSafety })
        {
            Assert.False(DemandAccess.CanSee(As(role), record), role);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(role)).GetAsync($"/api/v1/demands/{record.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Clearance_for_compartments_opens_every_compartmented_case()
    {
        var record = await Stored(Unique("intake"), restricted: true, assignedTo: Unique("assignee"));
        Assert.True(DemandAccess.CanSeeContents(As(Roles.HumanRightsLead), record));
        Assert.True(DemandAccess.CanAct(As(Roles.HumanRightsLead), record, Permission.DemandDecide));
    }

    [Fact]
    public async Task Assignment_opens_a_compartmented_case_to_the_assignee_only()
    {
        var record = await Stored(Unique("intake"), restricted: true, assignedTo: Named(Roles.LegalReviewer, "reviewer-on-the-case"));
        Assert.True(DemandAccess.CanSeeContents(As(Roles.LegalReviewer, "reviewer-on-the-case"), record));
        Assert.True(DemandAccess.CanAct(As(Roles.LegalReviewer, "reviewer-on-the-case"), record, Permission.DemandDecide));
        Assert.False(DemandAccess.CanSeeContents(As(Roles.LegalReviewer, "another-reviewer"), record));

        // Through a token even the assignee does not open it: compartmented cases are read on the desk, signed in.
        var assignee = await app.ClientFor(Roles.LegalReviewer, "reviewer-on-the-case");
        Assert.Equal(HttpStatusCode.NotFound, (await assignee.GetAsync($"/api/v1/demands/{record.Id}")).StatusCode);
        var colleague = await app.ClientFor(Roles.LegalReviewer, "another-reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/demands/{record.Id}")).StatusCode);
    }

    [Fact]
    public async Task Assignment_matches_the_actor_exactly()
    {
        var record = await Stored(Unique("intake"), restricted: true, assignedTo: Named(Roles.LegalReviewer, "Reviewer-Exact"));
        Assert.False(DemandAccess.CanSeeContents(As(Roles.LegalReviewer, "reviewer-exact"), record));
        Assert.False(DemandAccess.CanSeeContents(As(Roles.LegalReviewer, "Reviewer-Exact "), record));
        Assert.True(DemandAccess.CanSeeContents(As(Roles.LegalReviewer, "Reviewer-Exact"), record));
    }

    [Fact]
    public async Task The_submitter_of_a_compartmented_case_sees_where_it_stands_not_what_it_holds()
    {
        var record = await Stored(Named(Roles.Intake), restricted: true, assignedTo: Unique("assignee"));
        Assert.True(DemandAccess.CanSee(As(Roles.Intake), record));
        Assert.False(DemandAccess.CanSeeContents(As(Roles.Intake), record));

        var view = JsonDocument.Parse(await (await (await app.ClientFor(Roles.Intake)).GetAsync($"/api/v1/demands/{record.Id}")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(view.TryGetProperty("state", out _));
        Assert.False(view.TryGetProperty("demand", out _));
        Assert.False(view.TryGetProperty("assessment", out _));
    }

    [Fact]
    public async Task Acting_needs_both_the_permission_and_the_contents()
    {
        var open = await Stored(Unique("intake"));
        var compartmented = await Stored(Unique("intake"), restricted: true, assignedTo: Unique("assignee"));
        Assert.False(DemandAccess.CanAct(As(Roles.Approver), open, Permission.DemandDecide));
        Assert.True(DemandAccess.CanAct(As(Roles.LegalReviewer), open, Permission.DemandDecide));
        Assert.False(DemandAccess.CanAct(As(Roles.LegalReviewer), compartmented, Permission.DemandDecide));
        Assert.False(DemandAccess.CanAct(As(Roles.Platform), await Stored(Named(Roles.Platform)), Permission.DemandCreate));
    }

    [Fact]
    public async Task Lists_leave_out_compartmented_cases_except_those_assigned_to_the_reader()
    {
        var mine = await Stored(Unique("intake"), restricted: true, assignedTo: Named(Roles.TrustAndSafety, "lister"));
        var hidden = await Stored(Unique("intake"), restricted: true, assignedTo: Unique("assignee"));
        var open = await Stored(Unique("intake"));
        var ids = await Listed(await app.ClientFor(Roles.TrustAndSafety, "lister"));
        Assert.Contains(open.Id, ids);
        Assert.DoesNotContain(hidden.Id, ids);
        // No token lists a compartmented case, its assignee's or the cleared lead's: those lists are the desk's.
        Assert.DoesNotContain(mine.Id, ids);
        Assert.DoesNotContain(hidden.Id, await Listed(await app.ClientFor(Roles.HumanRightsLead)));
        Assert.Contains(open.Id, await Listed(await app.ClientFor(Roles.HumanRightsLead)));
    }

    [Fact]
    public async Task Every_denial_looks_like_a_missing_record()
    {
        var hidden = await Stored(Unique("intake"), restricted: true, assignedTo: Unique("assignee"));
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        foreach (var path in new[] { "", "/documents/" + Guid.NewGuid(), "/packages/" + Guid.NewGuid() })
        {
            var denied = await reviewer.GetAsync($"/api/v1/demands/{hidden.Id}{path}");
            var missing = await reviewer.GetAsync($"/api/v1/demands/{Guid.NewGuid()}{path}");
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
            Assert.Equal(missing.StatusCode, denied.StatusCode);
            Assert.Equal(await missing.Content.ReadAsStringAsync(), await denied.Content.ReadAsStringAsync());
            Assert.Equal(missing.Content.Headers.ContentType?.ToString(), denied.Content.Headers.ContentType?.ToString());
        }

        var decide = await reviewer.PostAsync($"/api/v1/demands/{hidden.Id}/decision", new StringContent("{\"outcome\":\"preserve\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
    }

    private static async Task<List<Guid>> Listed(HttpClient client)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/demands?pageSize=200&page={page}")).RootElement;
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(items);
            if (items.Count < 200)
            {
                return ids;
            }
        }
    }
}

public sealed class SqliteDemandAccessTests(SqliteDeskApp app) : DemandAccessTests<SqliteDeskApp>(app);

public sealed class PostgresDemandAccessTests(PostgresDeskApp app) : DemandAccessTests<PostgresDeskApp>(app);
