using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Desk;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Impact;

/// <summary>
/// The impact assessment pages in Chromium with JavaScript off: open an assessment, a risk refused with every missing
/// rationale beside its field, then saved and drawn in the matrix; a mitigation, a benchmark and its reading, a
/// consultation. axe (which needs script) then checks each page, the refused form included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImpactPagesTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task An_assessment_is_built_on_the_desk_without_script_and_its_pages_are_accessible()
    {
        var lead = await StaffPerson.Enrol(server, "hrialead", Roles.HumanRightsLead);
        await using var context = await browser.NewContext();
        var tab = await context.NewPageAsync();
        await lead.SignIn(tab, server);
        await tab.GotoAsync(server.Url("/desk/impact").ToString());
        await tab.FillAsync("#a-title", "Entry into Tanzania");
        await tab.SelectOptionAsync("#a-trigger", "marketEntry");
        await tab.FillAsync("#a-countries", "TZ");
        await tab.FillAsync("#a-assessor", "External counsel");
        await tab.CheckAsync("input[name='assessors[0].independent']");
        await tab.FillAsync("#a-review", "2027-01-15");
        await tab.ClickAsync("form[action*='handler=Create'] button[type=submit]");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(tab.Url, "/desk/impact/[0-9a-f-]{36}$"), await tab.InnerTextAsync("main"));
        var page = tab.Url;

        // A risk with its ratings but two rationales missing: both are named beside their fields, nothing is lost.
        await tab.ClickAsync("#add-risk > summary");
        await tab.FillAsync("#k-title", "Unmasking of reporters' sources");
        await tab.SelectOptionAsync("#k-rights", ["iccpr-19", "iccpr-17"]);
        await tab.SelectOptionAsync("#k-group", "journalists");
        await tab.FillAsync("#k-country", "TZ");
        await tab.SelectOptionAsync("#k-nature", "potential");
        await tab.SelectOptionAsync("#k-involvement", "contribute");
        await tab.SelectOptionAsync("#k-scale", "4");
        await tab.SelectOptionAsync("#k-scope", "2");
        await tab.SelectOptionAsync("#k-irremediability", "4");
        await tab.FillAsync("#k-irremediability-why", "A revealed identity cannot be hidden again");
        await tab.SelectOptionAsync("#k-likelihood", "1");
        await tab.ClickAsync("form[action*='handler=Risk'] button[type=submit]");
        Assert.Contains("Required: why this rating", await tab.InnerTextAsync("#err-inherent-scale-rationale"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.Locator("#err-inherent-scope-rationale").CountAsync());
        Assert.Equal(1, await tab.Locator("#err-inherent-likelihood-rationale").CountAsync());
        Assert.Equal("Unmasking of reporters' sources", await tab.InputValueAsync("#k-title"));
        await Screenshots.Save(tab, "desk.impact.risk-errors", fullPage: true);

        await tab.FillAsync("#k-scale-why", "Exposure can lead to arrest");
        await tab.FillAsync("#k-scope-why", "Some hundreds of reporters");
        await tab.FillAsync("#k-likelihood-why", "Rare so far");
        await tab.ClickAsync("form[action*='handler=Risk'] button[type=submit]");
        Assert.Contains("R1. Unmasking of reporters' sources", await tab.InnerTextAsync("#risk-1"), StringComparison.Ordinal);
        Assert.Contains("R1", await tab.InnerTextAsync("#risk-matrix tbody tr:first-child"), StringComparison.Ordinal);

        await tab.ClickAsync("#add-mitigation > summary");
        await tab.FillAsync("#p-title", "Keep no IP logs beyond 14 days");
        await tab.SelectOptionAsync("#p-risks", new SelectOptionValue { Index = 0 });
        await tab.FillAsync("#p-owner", lead.Email);
        await tab.FillAsync("#p-due", "2026-09-30");
        await tab.SelectOptionAsync("#p-measure", "designAndInterfaces");
        await tab.ClickAsync("form[action*='handler=Mitigation'] button[type=submit]");
        Assert.Contains("Keep no IP logs beyond 14 days", await tab.InnerTextAsync("#mitigations"), StringComparison.Ordinal);

        await tab.ClickAsync("#add-benchmark > summary");
        await tab.FillAsync("#n-title", "No notice lost");
        await tab.SelectOptionAsync("#n-metric", "notices.deadLetters");
        await tab.FillAsync("#n-commitment", "Every user notice is delivered");
        await tab.FillAsync("#n-baseline", "3");
        await tab.FillAsync("#n-target", "0");
        await tab.SelectOptionAsync("#n-direction", "atMost");
        await tab.ClickAsync("form[action*='handler=Benchmark'] button[type=submit]");
        await tab.ClickAsync("section.benchmark form[action*='handler=Reading'] button");
        Assert.Contains("yes", await tab.InnerTextAsync("section.benchmark table.readings"), StringComparison.Ordinal);
        await Screenshots.Save(tab, "desk.impact.assessment", fullPage: true);

        await tab.GotoAsync(page + "/consultations");
        await tab.SelectOptionAsync("#c-group", "journalists");
        await tab.FillAsync("#c-country", "TZ");
        await tab.SelectOptionAsync("#c-method", "focusGroup");
        await tab.FillAsync("#c-held", "2026-02-20");
        await tab.FillAsync("#c-count", "7");
        await tab.FillAsync("#c-precautions", "Held off-site; no recording");
        await tab.FillAsync("#c-issue", "Police ask for reporters' IP addresses");
        await tab.ClickAsync("main form button[type=submit]");
        Assert.Contains("7 journalists in", await tab.InnerTextAsync("#consultations"), StringComparison.Ordinal);

        // axe runs as a script, so this context allows JavaScript; everything above ran without it.
        await using var checking = await browser.NewContext(javaScript: true);
        var axe = await checking.NewPageAsync();
        await lead.SignIn(axe, server);
        foreach (var path in new[] { "/desk/impact", page, page + "/consultations" })
        {
            await axe.GotoAsync(path.StartsWith('/') ? server.Url(path).ToString() : path);
            await Axe.AssertAccessible(axe);
        }

        await axe.GotoAsync(page);
        await axe.ClickAsync("#add-risk > summary");
        await axe.ClickAsync("form[action*='handler=Risk'] button[type=submit]"); // the empty risk form: its errors beside the fields
        await Axe.AssertAccessible(axe);
    }
}
