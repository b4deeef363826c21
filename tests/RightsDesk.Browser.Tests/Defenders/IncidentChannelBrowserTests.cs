using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Defenders;

/// <summary>
/// The incident channel as a reporter uses it, JavaScript off: a report in Arabic (right to left), the receipt shown
/// once, the status opened with it and a message written to the desk; layout and screenshots at a phone's width and a
/// laptop's. (axe needs a script, so it looks at the pages in a context of its own.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentChannelBrowserTests(WebServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task A_report_in_Arabic_gets_its_receipt_once_and_opens_its_status_and_thread(int width, int height)
    {
        await using var context = await browser.NewContext(javaScript: false, width: width, height: height);
        var tab = await context.NewPageAsync();
        tab.SetDefaultTimeout(20_000);
        await tab.GotoAsync(server.Url("/ar/incident").ToString());
        Assert.Equal("rtl", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Screenshots.Save(tab, $"incident.ar.form.{width}", fullPage: true);

        await tab.Locator("#type-doxxing").CheckAsync();
        await tab.Locator("#type-threats").CheckAsync();
        await tab.Locator("#f-description").FillAsync("نُشر عنوان منزلي ورقم هاتفي على حساب مجهول، وتصلني رسائل تهديد منذ أمس.");
        await tab.Locator("#f-accounts").FillAsync("@leila@social.example\nhttps://social.example/@attacker99");
        await tab.Locator("#urgency-today").CheckAsync();
        await tab.Locator("#f-physicalDanger").CheckAsync();
        await tab.Locator("form button[type=submit]").ClickAsync();

        var receipt = (await tab.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Equal(7, receipt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("rtl", await tab.Locator("html").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Layout.AssertFits(tab, "the incident receipt");
        await Screenshots.Save(tab, $"incident.ar.receipt.{width}", fullPage: true);

        // The receipt is in the answer to the post only: the form page, opened again, does not show it.
        await tab.GotoAsync(server.Url("/ar/incident").ToString());
        Assert.Equal(0, await tab.Locator("#receipt-code").CountAsync());
        Assert.DoesNotContain(receipt, await tab.ContentAsync(), StringComparison.Ordinal);

        await tab.GotoAsync(server.Url("/ar/incident/status").ToString());
        await tab.Locator("#code").FillAsync(receipt.ToUpperInvariant());
        await tab.Locator("form button[type=submit]").ClickAsync();
        Assert.Equal("تمّ الاستلام، بانتظار مستجيب", (await tab.Locator("#incident-status").InnerTextAsync()).Trim());

        var message = "هل يمكنكم حذف المنشور الذي يحمل عنواني؟";
        await tab.Locator("#message").FillAsync(message);
        await tab.Locator("form button[type=submit]").ClickAsync();
        Assert.Contains(message, await tab.Locator("ol.thread").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await tab.Locator("ol.thread > li").CountAsync());
        await Layout.AssertFits(tab, "the incident status");
        await Screenshots.Save(tab, $"incident.ar.status.{width}", fullPage: true);
    }

    [Theory]
    [InlineData("ar", "incident")]
    [InlineData("ar", "incident/status")]
    [InlineData("en", "incident")]
    [InlineData("en", "appeal")]
    public async Task The_reporters_pages_pass_axe(string lang, string page)
    {
        await using var context = await browser.NewContext(javaScript: true);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url($"/{lang}/{page}").ToString());
        await Axe.AssertAccessible(tab);
    }
}
