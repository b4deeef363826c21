using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Desk;

/// <summary>
/// The staff desk in Chromium with JavaScript off: sign-in with password and authenticator code, a demand typed up
/// with its document, assessed, decided, approved by a second person with a fresh code, and its user notice planned.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskBrowserTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_demand_goes_from_intake_to_a_four_eyes_decision_with_its_notice_planned()
    {
        var ines = await StaffPerson.Enrol(server, "ines", Roles.Intake);
        var alice = await StaffPerson.Enrol(server, "alice", Roles.LegalReviewer);
        var bob = await StaffPerson.Enrol(server, "bob", Roles.Approver);
        var authority = "Federal Bureau of Investigation, Newark " + Guid.NewGuid().ToString("N")[..4];

        // Intake types up a warrant that came by post, with the scanned letter.
        await using var intakeContext = await browser.NewContext();
        var tab = await intakeContext.NewPageAsync();
        await ines.SignIn(tab, server);
        Assert.EndsWith("/desk", tab.Url, StringComparison.Ordinal);
        await tab.GotoAsync(server.Url("/desk/demands/new").ToString());
        await tab.SelectOptionAsync("#f-kind", "userData");
        await tab.FillAsync("#f-receivedAt", "2026-03-02T14:05");
        await tab.SelectOptionAsync("#f-channel", "post");
        await tab.FillAsync("#f-deadline", "2026-12-16");
        await tab.FillAsync("#f-authority-name", authority);
        await tab.SelectOptionAsync("#f-authority-country", "US");
        await tab.SelectOptionAsync("#f-authority-type", "lawEnforcement");
        await tab.FillAsync("#f-authority-officer", "Special Agent Dana Whitfield");
        await tab.CheckAsync("input[name='authority.verified']");
        await tab.FillAsync("#v-number", "+1 202 324 3000");
        await tab.FillAsync("#v-source", "the FBI field office list on fbi.gov");
        await tab.FillAsync("#v-who", "the duty agent");
        await tab.SelectOptionAsync("#f-legalProcess", "searchWarrant");
        await tab.FillAsync("#f-legalBasis", "18 U.S.C. § 2703(a) and (b)(1)(A); Fed. R. Crim. P. 41");
        await tab.FillAsync("#f-offence", "Wire fraud (18 U.S.C. § 1343)");
        await tab.FillAsync("#f-statementOfReasons", "Probable cause affidavit: the account solicited payments for a fictitious investment scheme.");
        await tab.SelectOptionAsync("#f-targets-0-type", "account");
        await tab.FillAsync("#f-targets-0-id", "acct-5541230");
        await tab.CheckAsync("input[name=dataCategories][value=subscriberInfo]");
        await tab.CheckAsync("input[name=dataCategories][value=content]");
        await tab.FillAsync("#f-dateRange-from", "2025-11-01");
        await tab.FillAsync("#f-dateRange-to", "2026-01-31");
        await tab.CheckAsync("input[name='document.signed']");
        await tab.CheckAsync("input[name='document.officialLetterhead']");
        await tab.SetInputFilesAsync("#f-document", new FilePayload
        {
            Name = "warrant.txt", MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("UNITED STATES DISTRICT COURT, DISTRICT OF NEW JERSEY\nSEARCH AND SEIZURE WARRANT\nAccount acct-5541230\n"),
        });
        await tab.ClickAsync("main form button[type=submit]");
        // Intake follows what it filed by its status, as it does every demand it files (the registry cannot be read off it).
        Assert.Matches("/desk/demands/[0-9a-f-]{36}/filed$", tab.Url);
        var demandUrl = tab.Url[..^"/filed".Length];
        Assert.Equal("assessed, to decide", await tab.InnerTextAsync("#state")); // the assessment runs on intake
        await Screenshots.Save(tab, "desk.intake.saved");

        // The legal reviewer assesses and decides as recommended.
        await using var reviewerContext = await browser.NewContext();
        var review = await reviewerContext.NewPageAsync();
        await alice.SignIn(review, server);
        await review.GotoAsync(demandUrl);
        await review.ClickAsync("form[action*='handler=assess'] button");
        Assert.Contains("Recommendation: disclose", await review.InnerTextAsync("#recommendation"), StringComparison.Ordinal);
        Assert.True(await review.Locator(".finding").CountAsync() >= 5);
        await review.ClickAsync("#decide-form button[type=submit]");
        Assert.Equal("decided, awaiting approval", await review.InnerTextAsync("#state"));
        Assert.Contains("another person must approve", await review.InnerTextAsync("#h-actions + *, section.panel"), StringComparison.Ordinal);

        // A second person approves, proving it is them with a fresh code.
        await using var approverContext = await browser.NewContext();
        var approve = await approverContext.NewPageAsync();
        await bob.SignIn(approve, server);
        await approve.GotoAsync(demandUrl);
        // The approver sees what will be disclosed beside what the assessment allowed, in words.
        var scope = await approve.InnerTextAsync("#approval-scope");
        Assert.Contains("account 1", scope, StringComparison.Ordinal);
        Assert.Contains("content of messages", scope, StringComparison.Ordinal);
        await approve.FillAsync("#comment", "Warrant checked against the court's docket.");
        await approve.FillAsync("#stepup", "000000");
        await approve.ClickAsync("#approve-form button[type=submit]");
        Assert.Contains("authenticator code is not right", await approve.InnerTextAsync("#action-error"), StringComparison.Ordinal);
        await approve.FillAsync("#stepup", bob.Code());
        await approve.ClickAsync("#approve-form button[type=submit]");
        Assert.Equal("approved, to fulfil", await approve.InnerTextAsync("#state"));

        var notices = await approve.InnerTextAsync("section[aria-labelledby=h-notices]");
        Assert.Contains("tell the user before anything is disclosed", notices, StringComparison.Ordinal);
        var ledger = await approve.InnerTextAsync("#ledger");
        Assert.Contains("Step up verified", ledger, StringComparison.Ordinal);
        Assert.Contains("Decision approved", ledger, StringComparison.Ordinal);
        Assert.Equal(0, await approve.Locator("script").CountAsync());

        await approve.SetViewportSizeAsync(1280, 1400);
        // The README's pictures come from the demo journey (Journey/DemoJourneyTests); this one stays an artifact.
        var taken = await Screenshots.Save(approve, "desk.demand-page", fullPage: false);
        Assert.True(new FileInfo(taken).Length > 10_000);
    }

    [Fact]
    public async Task Every_desk_page_passes_axe_without_serious_or_critical_violations()
    {
        var hana = await StaffPerson.Enrol(server, "hana", Roles.HumanRightsLead);
        var admin = await StaffPerson.Enrol(server, "admin", Roles.Admin);
        var ines = await StaffPerson.Enrol(server, "ines", Roles.Intake);

        // axe runs as a script, so these contexts allow JavaScript; the flows above run without it.
        await using var anonymous = await browser.NewContext(javaScript: true);
        var signIn = await anonymous.NewPageAsync();
        await signIn.GotoAsync(server.Url("/account/signin").ToString());
        await Axe.AssertAccessible(signIn);

        await using var intake = await browser.NewContext(javaScript: true);
        var form = await intake.NewPageAsync();
        await ines.SignIn(form, server);
        await form.GotoAsync(server.Url("/desk/demands/new").ToString());
        await Axe.AssertAccessible(form);
        await form.ClickAsync("main form button[type=submit]"); // empty form: the errors beside the fields
        await Axe.AssertAccessible(form);
        await Screenshots.Save(form, "desk.intake.errors", fullPage: true);

        await using var lead = await browser.NewContext(javaScript: true);
        var tab = await lead.NewPageAsync();
        await hana.SignIn(tab, server);
        foreach (var path in new[] { "/desk", "/desk/demands", "/desk/at-risk", "/desk/notices", "/desk/outbox" })
        {
            await tab.GotoAsync(server.Url(path).ToString());
            await Axe.AssertAccessible(tab);
        }

        foreach (var width in new[] { 390, 1280 })
        {
            await tab.SetViewportSizeAsync(width, 900);
            await tab.GotoAsync(server.Url("/desk/notices").ToString());
            await Screenshots.Save(tab, $"desk.notices.{width}", fullPage: true);
            await tab.GotoAsync(server.Url("/desk/outbox").ToString());
            await Screenshots.Save(tab, $"desk.outbox.{width}", fullPage: true);
            var notices = tab.Locator("main a[href$='/notices']").First;
            if (await notices.CountAsync() > 0)
            {
                await tab.GotoAsync(server.Url("/desk/notices").ToString());
                await tab.Locator("main a[href$='/notices']").First.ClickAsync();
                await Axe.AssertAccessible(tab);
                await Screenshots.Save(tab, $"desk.demand-notices.{width}", fullPage: true);
            }
        }

        await tab.SetViewportSizeAsync(1280, 900);

        var first = tab.Locator("main table a[href^='/desk/demands/']").First;
        if (await first.CountAsync() > 0)
        {
            await first.ClickAsync();
            await Axe.AssertAccessible(tab);
        }

        await using var adminContext = await browser.NewContext(javaScript: true);
        var adminTab = await adminContext.NewPageAsync();
        await admin.SignIn(adminTab, server);
        foreach (var path in new[] { "/desk/admin", "/desk/admin/tokens", "/desk/admin/policy", "/desk/admin/policy?policyFile=offences.json", "/desk/ledger" })
        {
            await adminTab.GotoAsync(server.Url(path).ToString());
            await Axe.AssertAccessible(adminTab);
            await Screenshots.Save(adminTab, "desk.admin" + path.Replace('/', '.').Replace('?', '.'));
        }
    }
}
