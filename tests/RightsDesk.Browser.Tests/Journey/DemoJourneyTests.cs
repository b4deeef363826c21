using System.Text.Json;
using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Desk;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Cli.Demo;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Journey;

/// <summary>
/// The demo journey a newcomer takes, in Chromium with JavaScript off, against the host as the demo runs it: a demand
/// from intake to closed. Its receipt is acknowledged, it is assessed and decided "disclose narrowed", a second person
/// approves with a fresh code seeing exactly which data, the user's notice goes through the normal SMTP path to the
/// demo's mail sink and is read there, the letter is previewed, e-mailed as PDF to the address confirmed on the
/// call-back and shown in the ledger, and the demand is fulfilled and closed. The screenshots renew the README's.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class DemoJourneyTests(JourneyServer server, BrowserFixture browser)
{
    private const string Confirmed = "lers@da.traviscounty.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_demand_goes_from_intake_to_closed_with_its_notice_read_in_the_mailbox_and_its_letter_sent_as_pdf()
    {
        await using var sink = new MailSink(server.SmtpPort, server.MailPageUrl);
        await sink.StartAsync(default);
        var ines = await StaffPerson.Enrol(server, "ines", Roles.Intake);
        var alice = await StaffPerson.Enrol(server, "alice", Roles.LegalReviewer);
        var bob = await StaffPerson.Enrol(server, "bob", Roles.Approver);
        var target = "acct-" + Guid.NewGuid().ToString("N")[..8];
        WriteConnectorData(target);

        // Intake: a prosecutor's subpoena that came by e-mail, confirmed by calling the office back. Whoever types it
        // up follows it by its status only, as for every case they file (the at-risk registry must not show through).
        await using var inesContext = await browser.NewContext(width: 1280, height: 900);
        var intake = await inesContext.NewPageAsync();
        await ines.SignIn(intake, server);
        var demandUrl = await TypeUpSubpoena(intake, target);
        Assert.Contains("RD-", await intake.InnerTextAsync("main"), StringComparison.Ordinal);

        // The reviewer signs in: the first screen is the queues, and the new demand is in them.
        await using var aliceContext = await browser.NewContext(width: 1280, height: 900);
        var tab = await aliceContext.NewPageAsync();
        await alice.SignIn(tab, server);
        Assert.EndsWith("/desk", tab.Url, StringComparison.Ordinal);
        await tab.GotoAsync(demandUrl);
        Assert.Equal("assessed, to decide", await tab.InnerTextAsync("#state"));
        Assert.Contains($"The letter goes to {Confirmed}", await tab.InnerTextAsync("#letter-route"), StringComparison.Ordinal);

        // Right after intake the authority is told its demand arrived, through the same sending path as any letter.
        await tab.ClickAsync("#acknowledge-form button[type=submit]");
        var ack = tab.Locator("article.letter-item").Filter(new LocatorFilterOptions { HasText = "receipt acknowledged" });
        Assert.Contains("This letter acknowledges its receipt only", await ack.Locator(".letter-preview").InnerTextAsync(), StringComparison.Ordinal);
        await ack.Locator("form[action*='handler=emailLetter'] button").ClickAsync();
        Assert.Contains("Receipt acknowledged to the authority", await tab.InnerTextAsync("#acknowledged"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.Locator(".milestone.done", new PageLocatorOptions { HasText = "receipt acknowledged" }).CountAsync());

        // Assess and decide as recommended: disclose narrowed, with only what the law lets a subpoena reach.
        await tab.ClickAsync("form[action*='handler=assess'] button");
        Assert.Contains("Recommendation: disclose in part (narrowed", await tab.InnerTextAsync("#recommendation"), StringComparison.Ordinal);
        Assert.Equal("discloseNarrowed", await tab.InputValueAsync("#f-outcome"));
        Assert.False(await tab.IsCheckedAsync("input[name=dataCategories][value=content]"));
        await Shot(tab, "journey.02-assessment", null);
        await tab.ClickAsync("#decide-form button[type=submit]");
        Assert.Equal("decided, awaiting approval", await tab.InnerTextAsync("#state"));

        // A second person approves with a fresh code, seeing which data and where before approving.
        await using var bobContext = await browser.NewContext(width: 1280, height: 900);
        var approve = await bobContext.NewPageAsync();
        await bob.SignIn(approve, server);
        // The approver's first screen: the queues, with the decision waiting for him.
        Assert.Contains("RD-", await approve.InnerTextAsync("main"), StringComparison.Ordinal);
        await Shot(approve, "journey.01-queues", "queues.png");
        await approve.GotoAsync(demandUrl);
        await approve.Locator("#approval-scope").ScrollIntoViewIfNeededAsync();
        await Shot(approve, "journey.03-approval", "approval.png");
        var scope = await approve.InnerTextAsync("#approval-scope");
        Assert.Contains("basic subscriber information", scope, StringComparison.Ordinal);
        Assert.Contains("content of messages", await approve.InnerTextAsync("#scope-withheld"), StringComparison.Ordinal);
        Assert.Contains("Travis County, in US", await approve.InnerTextAsync("#scope-recipient"), StringComparison.Ordinal);
        await approve.FillAsync("#stepup", bob.Code());
        await approve.ClickAsync("#approve-form button[type=submit]");
        Assert.Equal("approved, to fulfil", await approve.InnerTextAsync("#state"));

        // The worker sends the notice through SMTP to the demo's mailbox; the user's copy is read on its page.
        await Until(() => sink.Messages.Any(m => m.Subject == "A government demand concerning your account"), "the user notice in the mailbox");
        await using var mailContext = await browser.NewContext(width: 1280, height: 900);
        var mailbox = await mailContext.NewPageAsync();
        await mailbox.GotoAsync(server.MailPageUrl + "/");
        await mailbox.ClickAsync("a:has-text('A government demand concerning your account')");
        var noticeText = await mailbox.InnerTextAsync("#body");
        Assert.Contains("Office of the District Attorney", noticeText, StringComparison.Ordinal);
        Assert.DoesNotContain(target, noticeText, StringComparison.Ordinal);
        Assert.DoesNotContain("**", noticeText, StringComparison.Ordinal); // plain text, not raw Markdown
        Assert.DoesNotContain("## ", noticeText, StringComparison.Ordinal);
        await Shot(mailbox, "journey.04-mailbox-notice", "mailbox-notice.png");
        await mailbox.ClickAsync("a:has-text('The HTML part')");
        Assert.Equal("What was demanded", (await mailbox.InnerTextAsync("h2 >> nth=0")).Trim());
        await Shot(mailbox, "journey.04b-mailbox-notice-html", null);

        // The letter: drafted from the decision, previewed as the authority will read it, e-mailed as PDF.
        await Until(async () =>
        {
            await tab.GotoAsync(demandUrl);
            return (await tab.InnerTextAsync("section[aria-labelledby=h-notices]")).Contains("sent", StringComparison.Ordinal);
        }, "the notice marked sent on the case");
        await tab.ClickAsync("form[action*='handler=draftLetter'] button");
        var letter = tab.Locator("article.letter-item").Filter(new LocatorFilterOptions { HasNotText = "receipt acknowledged" });
        var preview = await letter.Locator(".letter-preview").InnerTextAsync();
        Assert.Contains("Office of the District Attorney", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("**", preview, StringComparison.Ordinal); // rendered, not raw Markdown
        await Shot(letter, "journey.05-letter-preview", "letter-preview.png");
        await letter.Locator("form[action*='handler=emailLetter'] button").ClickAsync();
        await Until(() => sink.Messages.Count(m => m.To.ToString().Contains(Confirmed, StringComparison.Ordinal) && m.Attachments.Any()) >= 2, "the letter with its PDF");
        Assert.Contains("Letter sent", await tab.InnerTextAsync("#ledger"), StringComparison.Ordinal);
        Assert.Contains("Receipt acknowledged", await tab.InnerTextAsync("#ledger"), StringComparison.Ordinal);
        await mailbox.GotoAsync(server.MailPageUrl + "/");
        await mailbox.Locator("main a[href^='/messages/']").First.ClickAsync();
        Assert.Contains("application/pdf", await mailbox.InnerTextAsync("main"), StringComparison.Ordinal);

        // Fulfilled, then closed: the progress line is complete.
        await tab.ClickAsync("form[action*='handler=fulfil'] button");
        Assert.Equal("fulfilled", await tab.InnerTextAsync("#state"));
        await tab.FillAsync("#close-note", "Package delivered to the District Attorney's office.");
        await tab.ClickAsync("form[action*='handler=close'] button");
        Assert.Equal("closed", await tab.InnerTextAsync("#state"));
        Assert.Equal(0, await tab.Locator(".milestone.toCome, .milestone.current").CountAsync());
        Assert.Equal(0, await tab.Locator("script").CountAsync());
        await Shot(tab, "journey.06-closed", "demand-page.png");
    }

    private async Task<string> TypeUpSubpoena(IPage tab, string target)
    {
        await tab.GotoAsync(server.Url("/desk/demands/new").ToString());
        await tab.SelectOptionAsync("#f-kind", "userData");
        await tab.FillAsync("#f-receivedAt", "2026-11-30T09:00");
        await tab.SelectOptionAsync("#f-channel", "email");
        await tab.FillAsync("#f-deadline", "2026-12-24");
        await tab.FillAsync("#f-authority-name", "Office of the District Attorney, Travis County");
        await tab.SelectOptionAsync("#f-authority-country", "US");
        await tab.SelectOptionAsync("#f-authority-type", "prosecutor");
        await tab.FillAsync("#f-authority-officer", "ADA Michael Ortega");
        // The sender's own address: a claim, never written to.
        await tab.FillAsync("#f-authority-email", "m.ortega@reply-here.example");
        await tab.FillAsync("#f-authority-reference", "GJ-26-0311");
        await tab.CheckAsync("input[name='authority.verified']");
        await tab.FillAsync("#v-number", "+1 512 854 9400");
        await tab.FillAsync("#v-source", "the county's website, traviscountytx.gov");
        await tab.FillAsync("#v-who", "the duty clerk of the DA's office");
        await tab.FillAsync("#v-email", Confirmed);
        await tab.SelectOptionAsync("#f-legalProcess", "subpoena");
        await tab.FillAsync("#f-legalBasis", "Tex. Code Crim. Proc. art. 20A.251; 18 U.S.C. § 2703(c)(2)");
        await tab.FillAsync("#f-offence", "Theft of property");
        await tab.FillAsync("#f-statementOfReasons", "The account holder is believed to have sold stolen electronics through the platform.");
        await tab.SelectOptionAsync("#f-targets-0-type", "account");
        await tab.FillAsync("#f-targets-0-id", target);
        foreach (var category in new[] { "subscriberInfo", "ipLogs", "content", "location" })
        {
            await tab.CheckAsync($"input[name=dataCategories][value={category}]");
        }

        await tab.FillAsync("#f-dateRange-from", "2026-08-01");
        await tab.FillAsync("#f-dateRange-to", "2026-10-31");
        await tab.CheckAsync("input[name='document.signed']");
        await tab.CheckAsync("input[name='document.officialLetterhead']");
        await tab.ClickAsync("main form button[type=submit]");
        Assert.Matches("/desk/demands/[0-9a-f-]{36}/filed", tab.Url);
        var url = tab.Url.Split('?')[0];
        return url[..url.LastIndexOf("/filed", StringComparison.Ordinal)];
    }

    /// <summary>The platform's side, as the demo writes it: the user's contact for the notice and the exports.</summary>
    private void WriteConnectorData(string target)
    {
        var dir = Path.Combine(server.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "contact.json"), JsonSerializer.Serialize(new { email = "user-5541@users.example.org", language = "en" }));
        foreach (var category in new[] { "subscriberInfo", "ipLogs" })
        {
            File.WriteAllText(Path.Combine(dir, category + ".json"), JsonSerializer.Serialize(new { category, account = target, note = "journey export" }));
        }
    }

    /// <summary>Saves the screenshot at 1280 px; with <paramref name="docs"/>, also as the README's picture of that
    /// screen when asked (RIGHTSDESK_UPDATE_DOCS=1), so an ordinary run leaves the checkout clean.</summary>
    private static async Task Shot(IPage tab, string name, string? docs) => Keep(await Screenshots.Save(tab, name), docs);

    /// <summary>One part of the page (a letter is taller than the screen and sits in the right-hand column).</summary>
    private static async Task Shot(ILocator part, string name, string? docs)
    {
        var path = Path.Combine(Repo.Artifacts("screenshots"), name + ".png");
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        Keep(path, docs);
    }

    private static void Keep(string taken, string? docs)
    {
        Assert.True(new FileInfo(taken).Length > 10_000);
        var tracked = docs is null ? null : Path.Combine(Repo.Root, "docs", "screenshots", docs);
        if (tracked is not null && (!File.Exists(tracked) || Environment.GetEnvironmentVariable("RIGHTSDESK_UPDATE_DOCS") == "1"))
        {
            File.Copy(taken, tracked, overwrite: true);
        }
    }

    private static Task Until(Func<bool> done, string what) => Until(() => Task.FromResult(done()), what);

    private static async Task Until(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for {what}.");
            await Task.Delay(500);
        }
    }
}
