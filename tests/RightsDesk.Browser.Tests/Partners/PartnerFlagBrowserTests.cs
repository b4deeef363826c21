using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Application.Partners;
using RightsDesk.Browser.Tests.Desk;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Partners;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Partners;

namespace RightsDesk.Browser.Tests.Partners;

/// <summary>
/// Issue 11's "a partner flag handled with priority and the outcome fed back", JavaScript off: a trusted partner flags
/// an urgent case on its page, the flag is above a report of the same severity in the desk's queue, a responder works
/// it to its outcome with a reply by clicking the incident page's forms, and the partner's page shows both. Screenshots at a phone's width and a laptop's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerFlagBrowserTests(WebServer server, BrowserFixture browser)
{
    private async Task<StaffPerson> ApprovedPartnerAsync(string organisation)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var email = $"flags.{Guid.NewGuid().ToString("N")[..6]}@cso.example";
        var id = await sp.GetRequiredService<ApplyAsPartner>().RunAsync(new PartnerApplication(organisation, [ExpertiseArea.HumanRightsDefenders], ["TN"],
            "Leila Mansour", email, null, "We support human rights defenders in Tunisia; two helplines vouch for us.", "en"), default);
        await sp.GetRequiredService<PartnerApplications>().VetAsync(id, "Mandate and references checked.", Actor.Person("vetter-" + id, "vetter@desk.example"), default);
        var request = new DefaultHttpContext().Request;
        request.Scheme = server.BaseAddress.Scheme;
        request.Host = new HostString(server.BaseAddress.Host, server.BaseAddress.Port);
        await sp.GetRequiredService<PartnerOnboarding>().ApproveAsync(id, "Second look: approved.", Actor.Person("approver-" + id, "approver@desk.example"), request, default);
        var user = await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == email);
        var accounts = sp.GetRequiredService<AccountService>();
        var secret = await accounts.AuthenticatorSecretAsync(user);
        var person = new StaffPerson(email, "harbour signal willow " + Guid.NewGuid().ToString("N")[..6], secret);
        var result = await accounts.CompleteEnrolmentAsync(user, person.Password, person.Code(), default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return person;
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task A_partner_flag_is_handled_first_on_the_desk_and_its_outcome_reaches_the_partners_page(int width, int height)
    {
        var organisation = "Defenders Network " + width;
        var partner = await ApprovedPartnerAsync(organisation);
        string publicReference;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            publicReference = (await scope.ServiceProvider.GetRequiredService<SubmitIncident>().RunAsync(new IncidentReport([IncidentType.Doxxing],
                "A public report of the same severity.", [], [], IncidentUrgency.ThisWeek, false, ContactChannel.None, null, false, null, "en"), default)).Reference;
        }

        await using var partnerContext = await browser.NewContext(javaScript: false, width: width, height: height);
        var partnerTab = await partnerContext.NewPageAsync();
        partnerTab.SetDefaultTimeout(20_000);
        await partner.SignIn(partnerTab, server);
        Assert.EndsWith("/partner", partnerTab.Url, StringComparison.Ordinal);
        await partnerTab.GotoAsync(server.Url("/partner/flag").ToString());
        await partnerTab.Locator("#type-impersonation").CheckAsync();
        await partnerTab.Locator("#f-description").FillAsync("An account impersonates a lawyer we support and asks her clients for documents.");
        await partnerTab.Locator("#f-accounts").FillAsync("@fake_lawyer@social.example");
        await partnerTab.Locator("#urgency-thisWeek").CheckAsync();
        await Screenshots.Save(partnerTab, $"partner.flag.{width}", fullPage: true);
        await partnerTab.Locator("main form button[type=submit]").ClickAsync();
        var reference = (await partnerTab.Locator("#flagged strong").InnerTextAsync()).Trim();
        Assert.StartsWith("INC-", reference, StringComparison.Ordinal);
        Assert.Contains("not decided yet", await partnerTab.Locator($"#flag-{reference}").InnerTextAsync(), StringComparison.Ordinal);

        await using var deskContext = await browser.NewContext(javaScript: false, width: width, height: height);
        var deskTab = await deskContext.NewPageAsync();
        deskTab.SetDefaultTimeout(20_000);
        var responder = await StaffPerson.Enrol(server, "ivan", Roles.IncidentResponder);
        await responder.SignIn(deskTab, server);
        await deskTab.GotoAsync(server.Url("/desk/incidents?state=received").ToString());
        var rows = await deskTab.Locator("#incidents tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)");
        Assert.True(Array.IndexOf(rows, "i-" + reference) >= 0 && Array.IndexOf(rows, "i-" + reference) < Array.IndexOf(rows, "i-" + publicReference),
            "the partner's flag is above the public report of the same severity");
        Assert.Contains("partner flag", await deskTab.Locator($"#i-{reference}").InnerTextAsync(), StringComparison.Ordinal);
        await Layout.AssertFits(deskTab, "the incident queue");
        await Screenshots.Save(deskTab, $"partner.desk.queue.{width}", fullPage: true);

        await deskTab.Locator($"#i-{reference} a").ClickAsync();
        Assert.Contains(organisation, await deskTab.Locator("#partner-flag").InnerTextAsync(), StringComparison.Ordinal);
        // The responder's steps, clicked on the incident's page with no script: acknowledge, reply, resolve.
        await deskTab.Locator("#acknowledge button[type=submit]").ClickAsync();
        Assert.Contains("acknowledged", (await deskTab.Locator("#state").InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await deskTab.Locator("#text").FillAsync("We removed the impersonating account and its posts.");
        await deskTab.Locator("#reply button[type=submit]").ClickAsync();
        Assert.Contains("We removed the impersonating account and its posts.", await deskTab.Locator("#thread").InnerTextAsync(), StringComparison.Ordinal);
        await deskTab.Locator("#outcome-kind").SelectOptionAsync("contentRemoved");
        await deskTab.Locator("#resolve button[type=submit]").ClickAsync();
        Assert.Contains("content removed", await deskTab.Locator("#outcome").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await deskTab.Locator("#action-error").CountAsync());
        await Layout.AssertFits(deskTab, "the partner's incident, resolved");
        await Screenshots.Save(deskTab, $"partner.desk.incident.{width}", fullPage: true);

        await partnerTab.GotoAsync(server.Url("/partner").ToString());
        var card = partnerTab.Locator($"#flag-{reference}");
        Assert.Contains("content removed", await card.Locator(".outcome").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("upheld", await card.Locator(".outcome").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("We removed the impersonating account and its posts.", await card.Locator(".reply").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await partnerTab.Locator("script").CountAsync());
        await Layout.AssertFits(partnerTab, "the partner's flags");
        await Screenshots.Save(partnerTab, $"partner.feedback.{width}", fullPage: true);

        await deskTab.GotoAsync(server.Url("/desk/partners").ToString());
        Assert.Contains(organisation, await deskTab.Locator("#partners").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.Save(deskTab, $"partner.desk.partners.{width}", fullPage: true);
    }

    [Theory]
    [InlineData("fa")]
    [InlineData("en")]
    public async Task The_application_page_works_without_a_script_and_passes_axe(string lang)
    {
        await using (var context = await browser.NewContext(javaScript: false, width: 390, height: 844))
        {
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(server.Url($"/{lang}/partners/apply").ToString());
            await Layout.AssertFitsAtEverySize(tab, "the partner application", $"partner.apply.{lang}");
            await tab.Locator("main form button[type=submit]").ClickAsync();
            Assert.True(await tab.Locator("#errors").IsVisibleAsync());
            await Layout.AssertFits(tab, "the partner application's errors");
            await Screenshots.Save(tab, $"partner.apply.{lang}.errors", fullPage: true);
        }

        await using var axe = await browser.NewContext(javaScript: true);
        var page = await axe.NewPageAsync();
        await page.GotoAsync(server.Url($"/{lang}/partners/apply").ToString());
        await Axe.AssertAccessible(page);
    }
}
