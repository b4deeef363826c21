using Microsoft.Playwright;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>Saves what a test saw as a PNG under artifacts/screenshots/, which test.sh and CI keep.</summary>
public static class Screenshots
{
    public static async Task<string> Save(IPage page, string name, bool fullPage = false)
    {
        var dir = Repo.Artifacts("screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Safe(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
}
