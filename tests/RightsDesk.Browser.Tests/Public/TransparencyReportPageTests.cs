using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Cli.Demo;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>
/// The transparency page with published reports (the demo's two halves, published through the use case), in French
/// and in Arabic, with JavaScript off at a phone's and a desktop's width: every table's words in the page's language,
/// the files' word beside each row, and nothing wider than the screen. The collection's shared server has no report,
/// so this one has its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TransparencyReportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly (int Width, int Height)[] Sizes = [(390, 844), (1280, 900)];
    private readonly WebServer _server = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_server).InitializeAsync();
        await using var scope = _server.Services.CreateAsyncScope();
        await TransparencyDemo.PublishAsync(scope.ServiceProvider, default);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_server).DisposeAsync();

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task The_tables_read_in_the_page_language_and_fit_a_phone(string lang)
    {
        var words = PublicSite.Catalogue.Find(lang)!;
        await using var context = await browser.NewContext(javaScript: false, width: 390, height: 844);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(_server.Url($"/{lang}/transparency").ToString());

        var tables = tab.Locator("table.report");
        Assert.True(await tables.CountAsync() > 40, "the report's tables are shown");
        var totals = tab.Locator("table.report caption", new() { HasText = "user_data_totals" });
        Assert.Contains(words["report.table.user_data_totals"], await totals.InnerTextAsync(), StringComparison.Ordinal);
        var outcome = tab.Locator("table.report", new() { Has = tab.Locator("caption", new() { HasText = "user_data_by_outcome" }) });
        Assert.Equal(words["report.dimension.outcome"], (await outcome.Locator("thead th").First.InnerTextAsync()).Trim());
        // Two rows: the count and its share.
        var rejected = outcome.Locator("tbody th", new() { HasText = "rejected" }).First;
        Assert.Contains(words["report.value.outcome.rejected"], await rejected.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rejected", await rejected.Locator("code.word").InnerTextAsync());
        Assert.Equal(0, await tab.Locator("script").CountAsync());

        foreach (var (w, h) in Sizes)
        {
            await tab.SetViewportSizeAsync(w, h);
            await Layout.AssertFits(tab, $"/{lang}/transparency with a report");
            await Screenshots.Save(tab, $"public.{lang}.transparency.report.{w}", fullPage: true);
        }

        await using var checking = await browser.NewContext(javaScript: true);
        var axe = await checking.NewPageAsync();
        await axe.GotoAsync(_server.Url($"/{lang}/transparency").ToString());
        await Axe.AssertAccessible(axe);
    }
}
