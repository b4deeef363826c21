using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>The picture of the guidelines in the README is taken by this test, so it shows the pages as they are.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocScreenshotTests(WebServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_English_guidelines_at_desktop_width_are_pictured_in_the_docs()
    {
        await using var context = await browser.NewContext(javaScript: false, width: 1280, height: 1100);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(server.Url("/en/guidelines").ToString());
        var taken = await Screenshots.Save(tab, "public.en.guidelines.desktop");

        // Rewrite the tracked copy only when the picture changed, so a test run leaves the checkout clean.
        var docs = Path.Combine(Repo.Root, "docs", "screenshots", "public-guidelines.png");
        Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
        var bytes = await File.ReadAllBytesAsync(taken);
        var tracked = File.Exists(docs) ? await File.ReadAllBytesAsync(docs) : [];
        if (!bytes.SequenceEqual(tracked))
        {
            await File.WriteAllBytesAsync(docs, bytes);
        }

        Assert.True(new FileInfo(docs).Length > 10_000);
    }
}
