using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Desk;

/// <summary>Art. 23 on the desk in Chromium with JavaScript off: one person checks a notifier, warns them and
/// proposes a suspension; a second person confirms it. The pages pass axe and are photographed at a phone's and a
/// desktop's width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MisuseBrowserTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_notifier_is_warned_and_suspended_by_two_people_without_javascript()
    {
        var email = "flood-" + Guid.NewGuid().ToString("N")[..8] + "@mail.example";
        var tess = await StaffPerson.Enrol(server, "tess-" + Guid.NewGuid().ToString("N")[..6], Roles.TrustAndSafety);
        var sam = await StaffPerson.Enrol(server, "sam-" + Guid.NewGuid().ToString("N")[..6], Roles.TrustAndSafety);
        var until = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await using var plain = await browser.NewContext(javaScript: false, width: 390, height: 900);
        var tab = await plain.NewPageAsync();
        await tess.SignIn(tab, server);
        await tab.GotoAsync(server.Url("/desk/misuse/new").ToString());
        await tab.Locator("#m-kind").SelectOptionAsync("unfoundedNotices");
        await tab.Locator("input[name=party][value=notifier]").CheckAsync();
        await tab.Locator("#m-party").FillAsync(email);
        await tab.Locator("#m-reasons").FillAsync("Ten notices in a week named lawful news reports as terrorist content; none was.");
        await tab.Locator("#m-until").FillAsync(until);
        await tab.Locator("#check").ClickAsync();
        Assert.Contains("0 of 0", await tab.Locator("#counted").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.Save(tab, "desk.misuse-check.390", fullPage: true);
        await tab.Locator("#propose").ClickAsync();
        Assert.Contains("prior warning", await tab.Locator("#action-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(email, await tab.Locator("#m-party").InputValueAsync());
        await tab.Locator("#warn").ClickAsync();
        Assert.Contains("warning is recorded", await tab.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);

        await tab.GotoAsync(server.Url("/desk/misuse/new").ToString());
        await tab.Locator("#m-kind").SelectOptionAsync("unfoundedNotices");
        await tab.Locator("input[name=party][value=notifier]").CheckAsync();
        await tab.Locator("#m-party").FillAsync(email);
        await tab.Locator("#m-reasons").FillAsync("After our warning, eight more notices named lawful news reports as terrorist content.");
        await tab.Locator("#m-until").FillAsync(until);
        await tab.Locator("#propose").ClickAsync();
        Assert.Contains("second person must confirm", await tab.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await tab.Locator("#own-proposal").CountAsync());
        var measure = tab.Url.Split('?')[0];

        await using var other = await browser.NewContext(javaScript: false, width: 1280, height: 900);
        var second = await other.NewPageAsync();
        await sam.SignIn(second, server);
        await second.GotoAsync(measure);
        await second.Locator("#confirm button").ClickAsync();
        Assert.Contains("in force", await second.Locator("#state").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.Save(second, "desk.misuse-measure.1280", fullPage: true);

        await using var scripted = await browser.NewContext(javaScript: true);
        var axeTab = await scripted.NewPageAsync();
        await sam.SignIn(axeTab, server);
        foreach (var width in new[] { 390, 1280 })
        {
            await axeTab.SetViewportSizeAsync(width, 900);
            await axeTab.GotoAsync(server.Url("/desk/misuse").ToString());
            Assert.True(await axeTab.Locator("#measures tbody tr").CountAsync() >= 2);
            await Axe.AssertAccessible(axeTab);
            await Screenshots.Save(axeTab, $"desk.misuse.{width}", fullPage: true);
            await axeTab.GotoAsync(measure);
            await Axe.AssertAccessible(axeTab);
            await axeTab.GotoAsync(server.Url("/desk/misuse/new").ToString());
            await Axe.AssertAccessible(axeTab);
        }
    }
}
