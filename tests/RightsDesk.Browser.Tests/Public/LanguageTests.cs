using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>Choosing a language: the visible switch (plain links), and Accept-Language on addresses without one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "guidelines", "fa")]
    [InlineData("fa", "guidelines", "en")]
    [InlineData("zh-Hans", "your-data", "ar")]
    [InlineData("ru", "", "tr")]
    [InlineData("es", "guidelines/hk", "zh-Hans")]
    public async Task The_language_switch_leads_to_the_same_page_in_the_chosen_language(string from, string page, string to)
    {
        await using var context = await browser.NewContext(javaScript: false);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url(PublicSite.PathOf(from, page)).ToString());

        var links = tab.Locator("nav.languages a");
        Assert.Equal(PublicSite.Catalogue.Languages.Count, await links.CountAsync());
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            // Each name is announced in its own language, and says which language it leads to.
            var link = links.Nth(i);
            Assert.Equal(await link.GetAttributeAsync("hreflang"), await link.GetAttributeAsync("lang"));
        }

        Assert.Equal("true", await tab.Locator($"nav.languages a[hreflang='{from}']").GetAttributeAsync("aria-current"));
        await tab.Locator($"nav.languages a[hreflang='{to}']").ClickAsync();

        Assert.Equal(server.Url(PublicSite.PathOf(to, page)).ToString(), tab.Url);
        Assert.Equal(to, await tab.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(PublicSite.Language(to).Dir, await tab.Locator("html").GetAttributeAsync("dir"));
    }

    [Theory]
    [InlineData("fa-IR,fa;q=0.9,en;q=0.5", "fa")]
    [InlineData("de-DE,de;q=0.9,ru;q=0.8,en;q=0.5", "ru")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans")]
    [InlineData("tr;q=0.3, es;q=0.7", "es")]
    [InlineData("ar-EG", "ar")]
    [InlineData("pt-BR,pt;q=0.9", "en")]
    public async Task Addresses_without_a_language_follow_Accept_Language(string acceptLanguage, string expected)
    {
        await using var context = await browser.NewContext(javaScript: false, acceptLanguage: acceptLanguage);
        var tab = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/guidelines", "/your-data" })
        {
            var response = await tab.GotoAsync(server.Url(path).ToString());
            Assert.Equal(200, response!.Status);
            Assert.Equal(expected, await tab.Locator("html").GetAttributeAsync("lang"));
            Assert.Contains("Accept-Language", await response.HeaderValueAsync("vary") ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.Equal(expected, await response.HeaderValueAsync("content-language"));
        }
    }
}
