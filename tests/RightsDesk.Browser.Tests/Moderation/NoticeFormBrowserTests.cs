using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Moderation;

/// <summary>
/// The public notice form (DSA Art. 16) as a notifier uses it, JavaScript off: refused fields named in Persian (right
/// to left), then the confirmation with its reference; layout and screenshots at a phone's width and a laptop's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeFormBrowserTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task A_notice_in_Persian_is_refused_field_by_field_then_confirmed_with_its_reference(int width, int height)
    {
        await using var context = await browser.NewContext(javaScript: false, width: width, height: height);
        var tab = await context.NewPageAsync();
        tab.SetDefaultTimeout(20_000);
        await tab.GotoAsync(server.Url("/fa/").ToString());
        await tab.Locator("main a[href='/fa/notice']").ClickAsync();
        Assert.Equal("rtl", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Layout.AssertFits(tab, "the notice form");
        await Screenshots.Save(tab, $"notice.fa.form.{width}", fullPage: true);

        await tab.Locator("#f-content").FillAsync("نه یک نشانی");
        await tab.Locator("form button[type=submit]").ClickAsync();
        Assert.Equal(1, await tab.Locator("#errors").CountAsync());
        Assert.Contains("حسن نیت", await tab.Locator("#errors").InnerTextAsync(), StringComparison.Ordinal);
        await Layout.AssertFits(tab, "the refused notice");
        await Screenshots.Save(tab, $"notice.fa.refused.{width}", fullPage: true);

        await tab.Locator("#f-content").FillAsync("https://social.example/@someone/4401\nhttps://social.example/@someone/4402");
        await tab.Locator("#f-explanation").FillAsync("این پست‌ها نشانی خانهٔ یک روزنامه‌نگار را همراه با تهدید به قتل منتشر می‌کنند.");
        await tab.Locator("#f-email").FillAsync("notifier@mail.example");
        await tab.Locator("#goodFaith").CheckAsync();
        await tab.Locator("form button[type=submit]").ClickAsync();

        var reference = (await tab.Locator("#notice-reference").InnerTextAsync()).Trim();
        Assert.Matches("^NTC-[0-9A-Z]{6}$", reference);
        Assert.Equal("rtl", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Layout.AssertFits(tab, "the notice confirmation");
        await Screenshots.Save(tab, $"notice.fa.received.{width}", fullPage: true);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task The_notice_form_passes_axe(string lang)
    {
        await using var context = await browser.NewContext(javaScript: true);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url($"/{lang}/notice").ToString());
        await Axe.AssertAccessible(tab);
    }
}
