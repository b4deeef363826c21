using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Defenders;

/// <summary>
/// A defender finds the commitment from the home page and follows it to the guidance for their country, JavaScript
/// off, at a phone's width and a laptop's: links only, nothing from another host, the layout fits.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HrdGuidanceBrowserTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("en", 390, 844)]
    [InlineData("en", 1280, 900)]
    [InlineData("ar", 390, 844)]
    [InlineData("ar", 1280, 900)]
    public async Task From_the_home_page_to_the_commitment_and_the_hong_kong_guidance(string lang, int width, int height)
    {
        await using var context = await browser.NewContext(javaScript: false, width: width, height: height);
        var tab = await context.NewPageAsync();
        var foreign = new System.Collections.Concurrent.ConcurrentQueue<string>();
        tab.Request += (_, r) =>
        {
            if (new Uri(r.Url).Authority != server.BaseAddress.Authority)
            {
                foreign.Enqueue(r.Url);
            }
        };

        await tab.GotoAsync(server.Url($"/{lang}/").ToString());
        await tab.Locator($"a[href='/{lang}/defenders']").First.ClickAsync();
        Assert.EndsWith($"/{lang}/defenders", tab.Url, StringComparison.Ordinal);
        Assert.True(await tab.Locator("blockquote [lang=en]").IsVisibleAsync());
        Assert.Contains("2027-06-01", await tab.Locator("section[aria-labelledby=review]").InnerTextAsync(), StringComparison.Ordinal);
        await Layout.AssertFits(tab, $"/{lang}/defenders");
        await Screenshots.Save(tab, $"defenders.{lang}.commitment.{width}", fullPage: true);

        await tab.Locator($"a[href='/{lang}/defenders/hk']").ClickAsync();
        Assert.EndsWith($"/{lang}/defenders/hk", tab.Url, StringComparison.Ordinal);
        Assert.Equal(lang == "ar" ? "rtl" : "ltr", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.True(await tab.Locator($"section[aria-labelledby=help] a[href='/{lang}/incident']").IsVisibleAsync());
        Assert.True(await tab.Locator("section[aria-labelledby=secure] ol li").CountAsync() >= 5);
        Assert.Contains("User-data demands from Hong Kong authorities suspended", await tab.Locator("section[aria-labelledby=demands]").InnerTextAsync(), StringComparison.Ordinal);
        await Layout.AssertFits(tab, $"/{lang}/defenders/hk");
        await Screenshots.Save(tab, $"defenders.{lang}.guidance-hk.{width}", fullPage: true);

        // The incident link leads to the form, which works without a script.
        await tab.Locator($"section[aria-labelledby=help] a[href='/{lang}/incident']").ClickAsync();
        Assert.EndsWith($"/{lang}/incident", tab.Url, StringComparison.Ordinal);
        Assert.Empty(foreign);
    }
}
