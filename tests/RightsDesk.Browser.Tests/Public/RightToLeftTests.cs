using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>Arabic and Persian pages are laid out right to left; the others left to right.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftTests(WebServer server, BrowserFixture browser)
{
    // Where the last line of the heading's text sits inside the heading's box: [line left, line right, box left, box right].
    // The last line is the short one when a heading wraps, so it shows which side the text starts from.
    private const string HeadingGeometry = """
        h => { const r = document.createRange(); r.selectNodeContents(h); const lines = r.getClientRects();
               const t = lines[lines.length - 1]; const b = h.getBoundingClientRect(); return [t.left, t.right, b.left, b.right]; }
        """;

    [Theory]
    [InlineData("ar", "guidelines")]
    [InlineData("fa", "guidelines")]
    [InlineData("ar", "your-data")]
    [InlineData("fa", "")]
    public async Task Right_to_left_languages_are_laid_out_right_to_left(string lang, string page)
    {
        await using var context = await browser.NewContext(javaScript: false);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url(PublicSite.PathOf(lang, page)).ToString());

        Assert.Equal("rtl", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("rtl", await tab.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        var g = await tab.Locator("h1").EvaluateAsync<double[]>(HeadingGeometry);
        Assert.True(Math.Abs(g[3] - g[1]) < 2, $"The heading's last line should end at the right edge of its box: text {g[0]}..{g[1]}, box {g[2]}..{g[3]}.");
        Assert.True(g[0] - g[2] > 40, $"The heading's last line should leave the left of its box empty: text {g[0]}..{g[1]}, box {g[2]}..{g[3]}.");

        // The language switch reads from the right: its first entry (English) stands right of its last.
        var first = await tab.Locator("nav.languages li").First.BoundingBoxAsync();
        var last = await tab.Locator("nav.languages li").Last.BoundingBoxAsync();
        Assert.True(first!.X > last!.X, "In a right-to-left page the first language is on the right.");

        await Screenshots.Save(tab, $"public.{lang}.{(page.Length == 0 ? "home" : page)}.rtl");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("zh-Hans")]
    public async Task Left_to_right_languages_are_laid_out_left_to_right(string lang)
    {
        await using var context = await browser.NewContext(javaScript: false);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url(PublicSite.PathOf(lang, "guidelines")).ToString());

        Assert.Equal("ltr", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var g = await tab.Locator("h1").EvaluateAsync<double[]>(HeadingGeometry);
        Assert.True(Math.Abs(g[0] - g[2]) < 2, $"The heading's last line should start at the left edge of its box: text {g[0]}..{g[1]}, box {g[2]}..{g[3]}.");
    }
}
