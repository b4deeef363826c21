using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>Every public page in every language, as a browser with JavaScript turned off sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(PublicSite.EveryPageInEveryLanguage), MemberType = typeof(PublicSite))]
    public async Task Renders_without_javascript_cookies_or_other_hosts_and_stays_small(string lang, string page)
    {
        await using var context = await browser.NewContext(javaScript: false, width: 390, height: 844);
        var tab = await context.NewPageAsync();
        // Playwright raises these on its own thread; the favicon may still arrive while the lists are read.
        var requested = new System.Collections.Concurrent.ConcurrentQueue<IRequest>();
        var answered = new System.Collections.Concurrent.ConcurrentQueue<IResponse>();
        tab.Request += (_, r) => requested.Enqueue(r);
        tab.Response += (_, r) => answered.Enqueue(r);

        var response = await tab.GotoAsync(server.Url(PublicSite.PathOf(lang, page)).ToString());
        await tab.WaitForLoadStateAsync(LoadState.Load);
        var requests = requested.ToList();
        var responses = answered.ToList();
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);

        var language = PublicSite.Language(lang);
        var html = tab.Locator("html");
        Assert.Equal(lang, await html.GetAttributeAsync("lang"));
        Assert.Equal(language.Dir, await html.GetAttributeAsync("dir"));
        Assert.Equal(1, await tab.Locator("h1").CountAsync());
        Assert.Equal(1, await tab.Locator("main#main").CountAsync());
        Assert.Equal(1, await tab.Locator("a.skip[href='#main']").CountAsync());
        Assert.Equal(0, await tab.Locator("script, iframe, object, embed, form").CountAsync());

        var foreign = requests.Where(r => new Uri(r.Url).Authority != server.BaseAddress.Authority).Select(r => r.Url).ToList();
        Assert.True(foreign.Count == 0, "Requests to other hosts: " + string.Join(", ", foreign));

        long bytes = 0;
        foreach (var r in responses)
        {
            Assert.Equal(200, r.Status);
            var headers = await r.HeadersArrayAsync();
            Assert.DoesNotContain(headers, h => h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase));
            bytes += (await r.BodyAsync()).Length;
        }

        Assert.Contains(responses, r => r.Url.EndsWith("/css/public.css", StringComparison.Ordinal));
        Assert.True(bytes < PublicSite.MaxPageBytes, $"{PublicSite.PathOf(lang, page)} weighs {bytes} bytes with its CSS; the limit is {PublicSite.MaxPageBytes}.");
        Assert.Empty(await context.CookiesAsync());

        await Screenshots.Save(tab, $"public.{lang}.{(page.Length == 0 ? "home" : page)}.phone");
        await Layout.AssertFits(tab, PublicSite.PathOf(lang, page));

        // Left to right, right to left and CJK at the desktop widths too (every language is measured on the phone).
        if (lang is "en" or "ar" or "zh")
        {
            foreach (var (w, h) in Layout.Sizes.Skip(1))
            {
                await tab.SetViewportSizeAsync(w, h);
                await Layout.AssertFits(tab, PublicSite.PathOf(lang, page));
                await Screenshots.Save(tab, $"public.{lang}.{(page.Length == 0 ? "home" : page)}.{w}");
            }
        }
    }
}
