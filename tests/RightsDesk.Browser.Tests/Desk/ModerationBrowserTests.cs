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
    private async Task SeedHeldAsync(string puid, string account = "@browser@example.social")
    {
        var json = $$"""
            {"decisionAccount":"DECISION_ACCOUNT_SUSPENDED","decisionGround":"DECISION_GROUND_INCOMPATIBLE_CONTENT","incompatibleContentGround":"Terms 4",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_VIOLENCE","territorialScope":["GLOBAL"],"contentDate":"2026-03-01",
             "applicationDate":"2026-03-02","decisionFacts":"Threats in three posts.","sourceType":"SOURCE_VOLUNTARY","automatedDetection":"Yes",
             "automatedDecision":"AUTOMATED_DECISION_FULLY","puid":"{{puid}}","userLanguage":"ar","account":"{{account}}"}
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

    [Fact]
    public async Task An_accounts_history_is_found_by_a_posted_form_without_javascript_and_passes_axe()
    {
        var account = "@history-" + Guid.NewGuid().ToString("N")[..8] + "@example.social";
        var (first, second) = ("hist-a-" + Guid.NewGuid().ToString("N")[..8], "hist-b-" + Guid.NewGuid().ToString("N")[..8]);
        await SeedHeldAsync(first, account);
        await SeedHeldAsync(second, account.ToUpperInvariant());
        var tess = await StaffPerson.Enrol(server, "tess-" + Guid.NewGuid().ToString("N")[..6], Roles.TrustAndSafety);

        foreach (var width in new[] { 390, 1280 })
        {
            await using var plain = await browser.NewContext(javaScript: false, width: width, height: 900);
            var tab = await plain.NewPageAsync();
            await tess.SignIn(tab, server);
            await tab.GotoAsync(server.Url("/desk/moderation/accounts").ToString());
            await tab.Locator("#account").FillAsync(account);
            await tab.Locator("main form button[type=submit]").ClickAsync();
            // The account is posted, never put in the address: the history is reached by its keyed index.
            Assert.Matches("/desk/moderation/accounts/[0-9a-f]{64}$", tab.Url);
            Assert.DoesNotContain("history-", tab.Url, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(2, await tab.Locator("#account-history tbody tr.decision").CountAsync());
            await Layout.AssertFits(tab, "an account's decision history");
            await Screenshots.Save(tab, $"desk.moderation-account.{width}", fullPage: true);

            await tab.Locator("#account-history tbody a").First.ClickAsync();
            Assert.Contains("History", await tab.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }

        await using var scripted = await browser.NewContext(javaScript: true);
        var axeTab = await scripted.NewPageAsync();
        await tess.SignIn(axeTab, server);
        await axeTab.GotoAsync(server.Url("/desk/moderation/accounts").ToString());
        await Axe.AssertAccessible(axeTab);
        await axeTab.Locator("#account").FillAsync(account);
        await axeTab.Locator("main form button[type=submit]").ClickAsync();
        await Axe.AssertAccessible(axeTab);
    }
}
