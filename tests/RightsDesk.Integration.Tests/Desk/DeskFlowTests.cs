using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>The staff desk in HTML, as people use it: typed-up intake, the demand page, decision and step-up approval.</summary>
public abstract partial class DeskFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@desk.example";

    internal static List<KeyValuePair<string, string>> WarrantForm(string authorityName, string country) =>
    [
        new("kind", "userData"), new("receivedAt", "2026-03-02T14:05"), new("channel", "post"), new("deadline", "2026-03-16"),
        new("authority.name", authorityName), new("authority.country", country), new("authority.type", "lawEnforcement"),
        new("authority.officer", "Special Agent Dana Whitfield"), new("authority.email", "dwhitfield@fbi.gov"), new("authority.verified", "true"), new("authority.verification.calledNumber", "+1 202 324 3000"), new("authority.verification.numberSource", "fbi.gov contact page"), new("authority.verification.spokeWith", "the duty agent"),
        new("legalProcess", "searchWarrant"), new("legalBasis", "18 U.S.C. § 2703(a) and (b)(1)(A)"), new("offence", "Wire fraud (18 U.S.C. § 1343)"),
        new("statementOfReasons", "Probable cause affidavit: the account solicited payments for a fictitious investment scheme."),
        new("targets[0].type", "account"), new("targets[0].id", "acct-desk-5541230"), new("targets[1].type", "account"), new("targets[1].id", ""),
        new("dataCategories", "subscriberInfo"), new("dataCategories", "content"), new("dateRange.from", "2025-11-01"), new("dateRange.to", "2026-01-31"),
        new("document.written", "true"), new("document.signed", "true"), new("document.officialLetterhead", "true"),
    ];

    [Fact]
    public async Task Intake_form_shows_each_error_next_to_its_field_and_keeps_what_was_typed()
    {
        var ines = await PageSession.CreatePersonAsync(app, Email("ines"), Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(ines);
        var refused = await s.PostFormAsync("/desk/demands/new", WarrantForm("", "USA"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, html);
        Assert.True(html.Contains("err-authority-name", StringComparison.Ordinal), html);
        Assert.Matches("id=\"err-authority-name\">[^<]+<", html);
        Assert.Matches("id=\"err-authority-country\">[^<]+<", html);
        Assert.Contains("value=\"Special Agent Dana Whitfield\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"acct-desk-5541230\"", html, StringComparison.Ordinal);
        await app.InScope(async sp => Assert.Equal(0, await sp.GetRequiredService<RightsDeskDbContext>().Demands.CountAsync(d => d.AuthorityName == "")));
    }

    [Fact]
    public async Task A_typed_up_warrant_goes_through_assessment_decision_and_a_step_up_approval()
    {
        var ines = await PageSession.CreatePersonAsync(app, Email("ines"), Roles.Intake);
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var bob = await PageSession.CreatePersonAsync(app, Email("bob"), Roles.Approver);
        var authority = "FBI Newark " + Guid.NewGuid().ToString("N")[..6];

        using var intake = new PageSession(app);
        await intake.SignInAsync(ines);
        var created = await intake.PostFormAsync("/desk/demands/new", WarrantForm(authority, "US"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Matches("^/desk/demands/[0-9a-f-]{36}$", page);

        using var reviewer = new PageSession(app);
        await reviewer.SignInAsync(alice);
        Assert.Contains("id=\"queue-to-assess\"", await reviewer.GetAsync("/desk"), StringComparison.Ordinal);
        Assert.Contains(authority, await reviewer.GetAsync("/desk/demands?state=received&authority=" + Uri.EscapeDataString(authority)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [], page + "?handler=assess")).StatusCode);
        var assessed = await reviewer.GetAsync(page);
        Assert.Contains("Recommendation: disclose", assessed, StringComparison.Ordinal);
        Assert.Contains("Standard:", assessed, StringComparison.Ordinal);

        var decided = await reviewer.PostFormAsync(page, [new("outcome", "disclose"), new("dataCategories", "subscriberInfo"), new("dataCategories", "content"), new("reason", "")], page + "?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("You made this decision", await reviewer.GetAsync(page), StringComparison.Ordinal);

        using var approver = new PageSession(app);
        await approver.SignInAsync(bob);
        Assert.Contains("id=\"queue-my-approval\"", await approver.GetAsync("/desk"), StringComparison.Ordinal);
        Assert.Contains(authority, await approver.GetAsync("/desk/demands?state=awaitingApproval&authority=" + Uri.EscapeDataString(authority)), StringComparison.Ordinal);
        var wrong = await approver.PostFormAsync(page, [new("comment", "Checked."), new("code", "000000")], page + "?handler=approve");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("authenticator code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var approved = await approver.PostFormAsync(page, [new("comment", "Checked the warrant."), new("code", bob.Code())], page + "?handler=approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await approver.GetAsync(page);
        Assert.Contains("id=\"state\">approved, to fulfil<", after, StringComparison.Ordinal);
        Assert.Contains(DeskWords.Event(nameof(LedgerEventCode.StepUpVerified)), after, StringComparison.Ordinal);
        Assert.Contains(DeskWords.Event(nameof(LedgerEventCode.DecisionApproved)), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_without_case_access_is_turned_away_from_demand_pages_and_documents()
    {
        var ines = await PageSession.CreatePersonAsync(app, Email("ines"), Roles.Intake);
        var auditor = await PageSession.CreatePersonAsync(app, Email("audit"), Roles.Auditor);
        using var intake = new PageSession(app);
        await intake.SignInAsync(ines);
        var page = (await intake.PostFormAsync("/desk/demands/new", WarrantForm("Auditor check " + Guid.NewGuid().ToString("N")[..6], "US"))).Headers.Location!.OriginalString.Split('?')[0];

        using var audit = new PageSession(app);
        await audit.SignInAsync(auditor);
        await audit.GetAsync(page, HttpStatusCode.Redirect);
        Assert.Contains("/account/denied", audit.Last!.Headers.Location!.ToString(), StringComparison.Ordinal);
        await audit.GetAsync(page + "?handler=document&documentId=" + Guid.NewGuid(), HttpStatusCode.Redirect);
        var denied = await audit.GetAsync("/account/denied", HttpStatusCode.Forbidden);
        Assert.Contains("Your role does not include this", denied, StringComparison.Ordinal);
        await audit.GetAsync("/desk/demands", HttpStatusCode.Redirect);
        Assert.Contains("/account/denied", audit.Last!.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Auditor check", await audit.GetAsync("/desk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_and_pages_by_cursor_without_repeating_or_skipping()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var client = await app.ClientFor(Roles.Intake, "paging-intake");
        var country = "NZ";
        var ids = new HashSet<string>();
        for (var i = 0; i < 55; i++)
        {
            var json = TestRepo.Example("01-us-search-warrant").Replace("\"US\"", $"\"{country}\"", StringComparison.Ordinal)
                .Replace("2026-03-02T14:05:00Z", $"2026-03-02T14:{i % 3:00}:00Z", StringComparison.Ordinal); // shared timestamps on purpose
            var r = await client.PostAsync("/api/v1/demands", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            r.EnsureSuccessStatusCode();
        }

        using var s = new PageSession(app);
        await s.SignInAsync(alice);
        var first = await s.GetAsync("/desk/demands?country=NZ");
        Assert.Contains("(55)", first, StringComparison.Ordinal);
        foreach (Match m in RowLink().Matches(first)) { Assert.True(ids.Add(m.Groups[1].Value)); }
        Assert.Equal(50, ids.Count);
        var next = NextLink().Match(first);
        Assert.True(next.Success, "a next-page link");
        var second = await s.GetAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        foreach (Match m in RowLink().Matches(second)) { Assert.True(ids.Add(m.Groups[1].Value), "a row repeated across pages"); }
        Assert.Equal(55, ids.Count);
        Assert.DoesNotMatch(NextLink(), second);
    }

    [GeneratedRegex("href=\"/desk/demands/([0-9a-f-]{36})\"")]
    private static partial Regex RowLink();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();
}

public sealed class SqliteDeskFlowTests(SqliteDeskApp app) : DeskFlowTests<SqliteDeskApp>(app);

public sealed class PostgresDeskFlowTests(PostgresDeskApp app) : DeskFlowTests<PostgresDeskApp>(app);
