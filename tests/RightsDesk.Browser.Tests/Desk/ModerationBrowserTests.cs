using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsDesk.Application.Moderation;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Desk;

/// <summary>The moderation review queue in Chromium: a held suspension confirmed with JavaScript off, the queue and
/// a decision's page accessible (axe) and photographed at a phone's and a desktop's width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationBrowserTests(WebServer server, BrowserFixture browser)
{
    private async Task SeedHeldAsync(string puid)
    {
        var json = $$"""
            {"decisionAccount":"DECISION_ACCOUNT_SUSPENDED","decisionGround":"DECISION_GROUND_INCOMPATIBLE_CONTENT","incompatibleContentGround":"Terms 4",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_VIOLENCE","territorialScope":["GLOBAL"],"contentDate":"2026-03-01",
             "applicationDate":"2026-03-02","decisionFacts":"Threats in three posts.","sourceType":"SOURCE_VOLUNTARY","automatedDetection":"Yes",
             "automatedDecision":"AUTOMATED_DECISION_FULLY","puid":"{{puid}}","userLanguage":"ar"}
            """;
        using var doc = JsonDocument.Parse(json);
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecordDecisions>().RunAsync(
            new RecordDecisions.Request(ModerationDecisionReader.ReadBody(doc.RootElement), false, [puid], Actor.Machine("browser-platform", "platform")), default);
    }

    [Fact]
    public async Task A_held_suspension_is_confirmed_without_javascript_and_the_pages_pass_axe()
    {
        var puid = "browser-" + Guid.NewGuid().ToString("N")[..10];
        await SeedHeldAsync(puid);
        var tess = await StaffPerson.Enrol(server, "tess-" + Guid.NewGuid().ToString("N")[..6], Roles.TrustAndSafety);

        await using var plain = await browser.NewContext();
        var tab = await plain.NewPageAsync();
        await tess.SignIn(tab, server);
        await tab.GotoAsync(server.Url("/desk/moderation").ToString());
        var row = tab.Locator("#decisions tbody tr").Filter(new LocatorFilterOptions { HasText = "automatedAccountMeasure" }).First;
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Confirm" }).ClickAsync();
        Assert.Contains("Done: measure confirmed", await tab.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);

        await using var scripted = await browser.NewContext(javaScript: true);
        var axeTab = await scripted.NewPageAsync();
        await tess.SignIn(axeTab, server);
        foreach (var width in new[] { 390, 1280 })
        {
            await axeTab.SetViewportSizeAsync(width, 900);
            await axeTab.GotoAsync(server.Url("/desk/moderation?queue=all").ToString());
            await Axe.AssertAccessible(axeTab);
            await Screenshots.Save(axeTab, $"desk.moderation.{width}", fullPage: true);
            await axeTab.Locator("#decisions tbody a").First.ClickAsync();
            Assert.Contains("History", await axeTab.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Axe.AssertAccessible(axeTab);
            await Screenshots.Save(axeTab, $"desk.moderation-decision.{width}", fullPage: true);
        }
    }
}
