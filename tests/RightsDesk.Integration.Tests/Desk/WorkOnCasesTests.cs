using RightsDesk.Core.Ledger.Events;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>Working a case on the desk: its reference, who has it, notes, finding it again, exporting the list, a widened decision.</summary>
public abstract partial class WorkOnCasesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@desk.example";

    private async Task<PageSession> SignedInAsync(Person person)
    {
        var s = new PageSession(app);
        await s.SignInAsync(person);
        return s;
    }

    /// <summary>Typed up by an intake clerk: the one who files a demand follows it by its status, others work it.</summary>
    private async Task<(string Page, Guid Id)> TypeUpAsync(string authority, string target, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        using var intake = await SignedInAsync(await PageSession.CreatePersonAsync(app, Email("ines"), Roles.Intake));
        var form = (fields ?? DeskFlowTests<TApp>.WarrantForm(authority, "US")).Select(f => f.Key == "targets[0].id" && target.Length > 0 ? new(f.Key, target) : f).ToList();
        var created = await intake.PostFormAsync("/desk/demands/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        return (page, Guid.Parse(page.Split('/')[^1]));
    }

    [Fact]
    public async Task A_demand_has_a_reference_the_list_shows_and_finds_and_the_authority_filter_ignores_case()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var authority = "Police Judiciaire Lyon " + Guid.NewGuid().ToString("N")[..6];
        using var s = await SignedInAsync(alice);
        var (page, id) = await TypeUpAsync(authority, "@ref-" + Guid.NewGuid().ToString("N")[..6] + "@social.example");

        var reference = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().Demands.Where(d => d.Id == id).Select(d => d.Reference).SingleAsync());
        Assert.Matches("^RD-20[0-9]{2}-[0-9]{6}$", reference);
        Assert.Contains(reference!, await s.GetAsync(page), StringComparison.Ordinal);

        var found = await s.GetAsync("/desk/demands?reference=" + reference!.ToLowerInvariant());
        Assert.Contains($"<a href=\"/desk/demands/{id}\">{reference}</a>", found, StringComparison.Ordinal);
        Assert.Contains("(1)", found, StringComparison.Ordinal);
        Assert.Contains(authority, await s.GetAsync("/desk/demands?authority=" + Uri.EscapeDataString(authority.ToUpperInvariant())), StringComparison.Ordinal);
        Assert.Contains("assessed, to decide", await s.GetAsync("/desk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_typed_another_way_finds_its_demand_through_the_index_and_the_search_is_ledgered()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var handle = "lea" + Guid.NewGuid().ToString("N")[..6];
        using var s = await SignedInAsync(alice);
        var (_, id) = await TypeUpAsync("FBI Boston", $"@{handle}@Mastodon.Example");

        var before = await CountAsync(LedgerEventCode.DemandTargetSearched);
        var found = await s.PostFormAsync("/desk/demands", [new("identifier", $"https://mastodon.example/@{handle.ToUpperInvariant()}")], "/desk/demands?handler=search");
        var html = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"/desk/demands/{id}", html, StringComparison.Ordinal);
        Assert.Contains("1 demand(s) with that target or officer", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync(LedgerEventCode.DemandTargetSearched));

        // The officer is found the same way, and nothing of either is stored in clear.
        Assert.Contains($"/desk/demands/{id}", await (await s.PostFormAsync("/desk/demands", [new("identifier", "special agent DANA whitfield")], "/desk/demands?handler=search")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().DemandTargetIndex.Where(x => x.DemandId == id).Select(x => x.BlindIndex).ToListAsync());
        Assert.Equal(3, rows.Count); // the target, the officer's name and e-mail
        Assert.DoesNotContain(rows, r => r.Contains(handle, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Assigning_and_noting_are_ledgered_and_notes_are_sealed()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        using var s = await SignedInAsync(alice);
        var (page, id) = await TypeUpAsync("FBI Denver", "acct-" + Guid.NewGuid().ToString("N")[..8]);
        var html = await s.GetAsync(page);
        Assert.Contains("Nobody has taken this case yet.", html, StringComparison.Ordinal);
        var me = Regex.Match(html, "name=\"assigneeId\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync(page, [new("assigneeId", me)], page + "?handler=assign")).StatusCode);
        Assert.Contains("Assigned to " + alice.Email, await s.GetAsync(page), StringComparison.Ordinal);

        var secret = "Called the field office; the agent will send the signed copy " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync(page, [new("text", secret)], page + "?handler=note")).StatusCode);
        Assert.Contains(secret, await s.GetAsync(page), StringComparison.Ordinal);
        var sealedNote = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().DemandNotes.Where(n => n.DemandId == id).Select(n => n.SealedText).SingleAsync());
        Assert.DoesNotContain(secret[..20], Encoding.UTF8.GetString(sealedNote), StringComparison.Ordinal);
        var events = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.Where(e => e.SubjectId == id.ToString()).Select(e => e.Code).ToListAsync());
        Assert.Contains((int)LedgerEventCode.DemandAssigned, events);
        Assert.Contains((int)LedgerEventCode.DemandNoteAdded, events);
    }

    [Fact]
    public async Task The_csv_export_neutralises_formulas_and_is_ledgered()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var s = await SignedInAsync(alice);
        await TypeUpAsync("=HYPERLINK(\"http://evil.example\") " + tag, "acct-" + tag);
        var before = await CountAsync(LedgerEventCode.DemandListExported);
        var response = await s.Client.GetAsync("/desk/demands?handler=csv&authority=" + tag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("reference,received,kind", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\") " + tag + "\"", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(before + 1, await CountAsync(LedgerEventCode.DemandListExported));
    }

    [Fact]
    public async Task A_decision_beyond_the_assessment_is_marked_for_the_approver_and_in_the_ledger()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var bob = await PageSession.CreatePersonAsync(app, Email("bob"), Roles.Approver);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var s = new PageSession(app);
        await s.SignInAsync(alice);
        // A subpoena allows subscriber information only; the reviewer departs to disclose content too.
        var form = DeskFlowTests<TApp>.WarrantForm("US Attorney " + tag, "US").Select(f => f.Key == "legalProcess" ? new("legalProcess", "subpoena") : f).ToList();
        var (page, id) = await TypeUpAsync("", "", form);
        var decided = await s.PostFormAsync(page, [new("outcome", "disclose"), new("dataCategories", "subscriberInfo"), new("dataCategories", "content"), new("reason", "The magistrate confirmed by phone that content is covered.")], page + "?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var recorded = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.Where(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.DecisionRecorded).Select(e => e.Data).SingleAsync());
        Assert.Contains("\"widens\":\"true\"", recorded, StringComparison.Ordinal);
        Assert.Contains("\"widenedCategories\":\"content\"", recorded, StringComparison.Ordinal);

        using var approver = new PageSession(app);
        await approver.SignInAsync(bob);
        var html = await approver.GetAsync(page);
        Assert.Contains("This decision goes beyond what the assessment allowed", html, StringComparison.Ordinal);
        Assert.Contains("<mark>content of messages, posts and files (beyond)</mark>", html, StringComparison.Ordinal);
        Assert.Contains("account 1", html, StringComparison.Ordinal);
    }

    private Task<int> CountAsync(LedgerEventCode code) =>
        app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.CountAsync(e => e.Code == (int)code));
}

public sealed class SqliteWorkOnCasesTests(SqliteDeskApp app) : WorkOnCasesTests<SqliteDeskApp>(app);

public sealed class PostgresWorkOnCasesTests(PostgresDeskApp app) : WorkOnCasesTests<PostgresDeskApp>(app);
