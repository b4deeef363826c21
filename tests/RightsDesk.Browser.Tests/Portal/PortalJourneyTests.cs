using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using RightsDesk.Application.Common;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.Policy;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Notices;
using RightsDesk.Web.Portal;

namespace RightsDesk.Browser.Tests.Portal;

/// <summary>
/// An official's whole journey through the portal in a browser with JavaScript off: register, read the link from the
/// e-mail, enrol with an authenticator code, wait for staff to verify them (staff do it in the desk's pages), submit a
/// demand with its document, and download the package released to them. Every portal page on the way is checked
/// with axe (in a JavaScript context showing the same HTML, as axe is a script).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class PortalJourneyTests(PortalServer server, BrowserFixture browser)
{
    private static readonly Core.Cases.Actor Reviewer = Core.Cases.Actor.Person("reviewer", "reviewer@desk.example");

    private const string Password = "harbour lantern orbit cactus";

    private Task<IBrowserContext> NoScript() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        JavaScriptEnabled = false, IgnoreHTTPSErrors = true, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>axe on exactly what the script-less page shows (a POST's answer included), in a context where axe can run.</summary>
    private async Task AssertAccessible(IPage shown)
    {
        var html = await shown.ContentAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true, BypassCSP = true, IgnoreHTTPSErrors = true });
        var tab = await context.NewPageAsync();
        // Same origin, so the page's own stylesheet loads and colour contrast is judged as a person sees it.
        await tab.GotoAsync(server.Url("/css/desk.css"));
        await tab.SetContentAsync(html);
        await Axe.AssertAccessible(tab);
    }

    private static string Code(string base32) => Authenticator.NextCode(base32);

    [Fact]
    public async Task An_official_registers_enrols_is_verified_submits_and_downloads_the_answer_without_javascript()
    {
        var email = "agent." + Guid.NewGuid().ToString("N")[..6] + "@newark.fbi.gov";
        await using var official = await NoScript();
        var page = await official.NewPageAsync();

        // 1. Registration.
        Assert.Equal(200, (await page.GotoAsync(server.Url("/portal/register")))!.Status);
        await AssertAccessible(page);
        await Layout.AssertFitsAtEverySize(page, "/portal/register", "layout.portal.register");
        await page.GetByLabel("Your full name").FillAsync("Dana Whitfield");
        await page.GetByLabel("Rank or job title").FillAsync("Special Agent");
        await page.GetByLabel("Authority", new() { Exact = true }).FillAsync("Federal Bureau of Investigation, Newark Field Office");
        await page.GetByLabel("Kind of authority").SelectOptionAsync("lawEnforcement");
        await page.GetByLabel("Country").SelectOptionAsync("US");
        await page.GetByLabel("Official e-mail address").FillAsync("dana.whitfield@gmail.com");
        await page.GetByLabel("Phone number").FillAsync("+1 973 555 0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        Assert.Contains("free-mail provider", await page.Locator("#err-email").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await page.GetByLabel("Official e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        Assert.Contains("Check your official mailbox", await page.Locator("#registration-sent").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await FitsAsShown(page, "registration sent", "layout.portal.register-sent");

        // 2. The link arrives in the official mailbox, and only there.
        await server.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        var raw = server.Smtp.Messages.Single(m => m.To.Any(t => t.Contains(email, StringComparison.Ordinal)));
        var mail = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
        var link = EnrolLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith(server.BaseAddress.ToString().TrimEnd('/') + "/account/enrol?token=", link, StringComparison.Ordinal);

        // 3. Enrolment: password and authenticator.
        await page.GotoAsync(link);
        Assert.Equal(1, await page.Locator("svg.qr").CountAsync());
        await AssertAccessible(page);
        await Layout.AssertFitsAtEverySize(page, "/account/enrol", "layout.portal.enrol");
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByLabel("Current code from the app").FillAsync(Code(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish enrolment" }).ClickAsync();
        Assert.Contains("Your account is ready", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await page.Locator("ol.recovery-codes li").CountAsync());
        await AssertAccessible(page);
        await FitsAsShown(page, "enrolment done, recovery codes", "layout.portal.recovery-codes");

        await page.GotoAsync(server.Url("/account/signin"));
        Assert.Contains("never asks for your password", await page.Locator("#portal-trust").InnerTextAsync(), StringComparison.Ordinal);
        await Layout.AssertFitsAtEverySize(page, "/account/signin", "layout.portal.signin");

        await SignIn(page, email, secret);
        Assert.EndsWith("/portal", page.Url, StringComparison.Ordinal);
        Assert.Contains("waiting for verification", await page.Locator("#pending-verification").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await Layout.AssertFitsAtEverySize(page, "/portal", "layout.portal.index-pending");
        Assert.Equal(403, (await page.GotoAsync(server.Url("/portal/submit")))!.Status);
        Assert.Contains("cannot submit demands yet", await page.Locator("#cannot-submit").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        // 4. Staff verify by call-back, in the desk's pages.
        var (staffEmail, staffSecret) = await StaffAsync(Roles.Intake);
        await using (var desk = await NoScript())
        {
            var staff = await desk.NewPageAsync();
            await SignIn(staff, staffEmail, staffSecret);
            await staff.GotoAsync(server.Url("/desk/officials"));
            await AssertAccessible(staff);
            await staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "Newark Field Office" }).GetByRole(AriaRole.Link).ClickAsync();
            Assert.Contains("Dana Whitfield", await staff.ContentAsync(), StringComparison.Ordinal);
            await AssertAccessible(staff);
            await staff.GetByLabel("Where the number came from").FillAsync("FBI Newark field office page on fbi.gov");
            await staff.GetByLabel("Who answered").FillAsync("Duty officer at the switchboard");
            await staff.GetByLabel("What they confirmed").FillAsync("Confirmed Special Agent Whitfield works there, in that role, and registered this address.");
            await staff.GetByLabel("I found the number independently").CheckAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Record the call-back and verify" }).ClickAsync();
            Assert.True(await staff.Locator("#done").CountAsync() == 1, "The verification was not recorded: " + await staff.InnerTextAsync("main"));
            Assert.Equal("verified by call-back", await staff.Locator("#verification").InnerTextAsync());
            await Screenshots.Save(staff, "portal.desk-official-verified", fullPage: true);
        }

        // 5. The verified official submits a demand with its document.
        var target = "acct-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync(server.Url("/portal/submit"));
        await AssertAccessible(page);
        await Layout.AssertFitsAtEverySize(page, "/portal/submit", "layout.portal.submit");
        await page.GetByLabel("What do you ask for?").SelectOptionAsync("userData");
        await page.GetByLabel("Legal process", new() { Exact = true }).SelectOptionAsync("searchWarrant");
        await page.GetByLabel("Your reference").FillAsync("NK-2026-04417");
        await page.GetByLabel("Legal basis (the law").FillAsync("18 U.S.C. § 2703(a) and (b)(1)(A); Fed. R. Crim. P. 41");
        await page.GetByLabel("Offence under investigation").FillAsync("Wire fraud (18 U.S.C. § 1343)");
        await page.GetByLabel("Statement of reasons").FillAsync("Probable cause affidavit: the account solicited payments for a fictitious investment scheme.");
        await page.GetByLabel("Targets, one per line").FillAsync("account " + target);
        await page.GetByLabel("Subscriber information").CheckAsync();
        await page.GetByLabel("Content of communications").CheckAsync();
        await page.GetByLabel("Records from").FillAsync("2025-11-01");
        await page.GetByLabel("to", new() { Exact = true }).FillAsync("2026-01-31");
        await page.GetByLabel("It is signed").CheckAsync();
        await page.GetByLabel("It is on your authority's letterhead").CheckAsync();
        await page.GetByLabel("The legal process (PDF").SetInputFilesAsync(new FilePayload
        {
            Name = "warrant.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        });
        await Screenshots.Save(page, "portal.submit-form", fullPage: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the demand" }).ClickAsync();
        Assert.Contains("Received.", await page.Locator("#submitted").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        var demandId = Guid.Parse(DemandPath().Match(page.Url).Groups[1].Value);

        // 6. Staff decide, approve, notify the user, fulfil and release (through the services the desk's pages call).
        Directory.CreateDirectory(Path.Combine(server.DataDirectory, "connector", "account", target));
        await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "connector", "account", target, "contact.json"), "{\"email\":\"user@users.example.org\",\"language\":\"en\"}");
        await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "connector", "account", target, "subscriberInfo.json"), "{\"name\":\"Journey User\"}");
        await server.InScope(async sp =>
        {
            var demands = sp.GetRequiredService<DemandCases>();
            var record = (await demands.FindAsync(demandId, default))!;
            Assert.Equal(Recommendation.Disclose, record.Recommendation);
            await sp.GetRequiredService<Decide>().RunAsync(record, new DecisionInput(Recommendation.Disclose, null, null, null), Reviewer, default);
            await sp.GetRequiredService<Approve>().RunAsync(record, Core.Cases.Viewer.For(Core.Cases.Actor.Person("lead", "lead@desk.example"), Roles.HumanRightsLead, viaToken: false), null, default);
        });
        await server.InScope(async sp =>
        {
            await sp.GetRequiredService<NoticeJob>().RunAsync(default);
            await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
        });
        await server.InScope(async sp =>
        {
            var demands = sp.GetRequiredService<DemandCases>();
            var package = await sp.GetRequiredService<Fulfil>().RunAsync((await demands.FindAsync(demandId, default))!, Reviewer, default);
            await sp.GetRequiredService<PackageReleaseService>().ReleaseAsync(demandId, package.Id, "reviewer@desk.example", null, default);
        });

        // 7. The official downloads the answer; the download is in the ledger.
        await page.GotoAsync(server.Url($"/portal/demands/{demandId}"));
        Assert.Equal("Answered", await page.Locator("#status").InnerTextAsync());
        await AssertAccessible(page);
        await Screenshots.Save(page, "portal.demand-answered", fullPage: true);
        await Layout.AssertFitsAtEverySize(page, "/portal/demands/{id}", "layout.portal.demand");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the disclosure package" }).ClickAsync());
        var package = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Journey User", package, StringComparison.Ordinal);
        Assert.StartsWith("disclosure-", download.SuggestedFilename, StringComparison.Ordinal);
        await server.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var downloaded = await db.LedgerEvents.AsNoTracking().SingleAsync(e => e.Code == (int)LedgerEventCode.PackageDownloaded && e.SubjectId == demandId.ToString());
            Assert.StartsWith("official-", downloaded.Actor, StringComparison.Ordinal);
        });

        Assert.Equal(404, (await page.GotoAsync(server.Url("/portal/downloads/" + new string('0', 64))))!.Status);
        await AssertAccessible(page);
        await Layout.AssertFitsAtEverySize(page, "/portal/downloads/{secret}", "layout.portal.download-missing");
        await page.GotoAsync(server.Url("/portal"));
        await Layout.AssertFitsAtEverySize(page, "/portal", "layout.portal.index");
    }

    /// <summary>The answer to a POST, measured at every width as it stands: reloading would post the form again.</summary>
    private static async Task FitsAsShown(IPage page, string what, string screenshot)
    {
        foreach (var (w, h) in Layout.Sizes)
        {
            await page.SetViewportSizeAsync(w, h);
            await Layout.AssertFits(page, what);
            await Screenshots.Save(page, $"{screenshot}.{w}", fullPage: true);
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task SignIn(IPage page, string email, string secret)
    {
        await page.GotoAsync(server.Url("/account/signin"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Authenticator code").FillAsync(Code(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task<(string Email, string Secret)> StaffAsync(string role)
    {
        var email = "staff." + Guid.NewGuid().ToString("N")[..6] + "@desk.example";
        var secret = "";
        await server.InScope(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var link = await accounts.CreateStaffAsync(email, role, "Intake Clerk", "test", default);
            secret = await accounts.AuthenticatorSecretAsync(link.User);
            var done = await accounts.CompleteEnrolmentAsync(link.User, Password, Code(secret), default);
            Assert.True(done.Succeeded, string.Join(" ", done.Errors.Select(e => e.Description)));
        });
        return (email, secret);
    }

    [GeneratedRegex(@"https://127\.0\.0\.1:\d+/account/enrol\?token=[A-Za-z0-9_-]{20,}")]
    private static partial Regex EnrolLink();

    [GeneratedRegex(@"/portal/demands/([0-9a-f-]{36})")]
    private static partial Regex DemandPath();
}
