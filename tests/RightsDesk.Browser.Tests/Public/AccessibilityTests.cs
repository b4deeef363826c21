using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>
/// axe on every public page in every language. Its own collection (own server, own Chromium), so it runs beside the
/// other browser tests: axe is the slowest part of the suite.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(PublicSite.EveryPageInEveryLanguage), MemberType = typeof(PublicSite))]
    public async Task Has_no_serious_accessibility_violations(string lang, string page)
    {
        // axe is a script and waits on timers, so it needs JavaScript on; the page itself has none either way.
        await using var context = await browser.NewContext(javaScript: true);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url(PublicSite.PathOf(lang, page)).ToString());
        await Axe.AssertAccessible(tab);
    }
}

[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<WebServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility";
}
