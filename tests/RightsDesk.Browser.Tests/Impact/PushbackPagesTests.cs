using RightsDesk.Browser.Tests.Desk;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Impact;

/// <summary>
/// The push-back pages in Chromium with JavaScript off: a legal challenge refused with every problem beside its
/// field, then recorded and concluded; axe (which needs script) then checks the list, the record and the refused form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PushbackPagesTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_legal_challenge_is_recorded_and_concluded_without_script_and_its_pages_are_accessible()
    {
        var lead = await StaffPerson.Enrol(server, "pushlead", Roles.HumanRightsLead);
        await using var context = await browser.NewContext();
        var tab = await context.NewPageAsync();
        await lead.SignIn(tab, server);
        await tab.GotoAsync(server.Url("/desk/pushback").ToString());
        await tab.SelectOptionAsync("#p-kind", "legalChallenge");
        await tab.FillAsync("#p-subject", "Orders under Art. 299 of the Penal Code");
        await tab.SelectOptionAsync("#p-country", "TR");
        await tab.SelectOptionAsync("#p-offences", ["tr-insulting-president-299"]);
        await tab.SelectOptionAsync("#p-status", "active");
        await tab.SelectOptionAsync("#p-outcome", "failed");
        await tab.ClickAsync("form[action*='handler=Record'] button[type=submit]");
        Assert.Contains("names the court", await tab.InnerTextAsync("#err-court"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.Locator("#err-outcome").CountAsync());
        Assert.Equal(1, await tab.Locator("#err-started").CountAsync());
        Assert.Equal("Orders under Art. 299 of the Penal Code", await tab.InputValueAsync("#p-subject"));
        await Screenshots.Save(tab, "desk.pushback.errors", fullPage: true);

        await tab.FillAsync("#p-court", "Constitutional Court");
        await tab.SelectOptionAsync("#p-outcome", "");
        await tab.FillAsync("#p-started", "2026-01-20");
        await tab.ClickAsync("form[action*='handler=Record'] button[type=submit]");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(tab.Url, "/desk/pushback/[0-9a-f-]{36}$"), await tab.InnerTextAsync("main"));
        var record = tab.Url;
        Assert.Contains("Constitutional Court", await tab.InnerTextAsync("main"), StringComparison.Ordinal);

        await tab.SelectOptionAsync("#s-status", "concluded");
        await tab.SelectOptionAsync("#s-outcome", "succeeded");
        await tab.ClickAsync("form[action*='handler=Status'] button[type=submit]");
        Assert.Contains("concluded: succeeded", await tab.InnerTextAsync("main"), StringComparison.Ordinal);
        await Screenshots.Save(tab, "desk.pushback.record", fullPage: true);

        await using var checking = await browser.NewContext(javaScript: true);
        var axe = await checking.NewPageAsync();
        await lead.SignIn(axe, server);
        foreach (var path in new[] { server.Url("/desk/pushback").ToString(), record })
        {
            await axe.GotoAsync(path);
            await Axe.AssertAccessible(axe);
        }

        await axe.GotoAsync(server.Url("/desk/pushback").ToString());
        await axe.ClickAsync("form[action*='handler=Record'] button[type=submit]");
        await Axe.AssertAccessible(axe);
    }
}
