using Microsoft.Playwright;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>
/// One headless Chromium per test collection: Debian's /usr/bin/chromium (or $RIGHTSDESK_CHROMIUM), never a browser
/// Playwright downloads. A missing browser fails the tests with a message saying how to install it; it never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public static string Executable => Environment.GetEnvironmentVariable("RIGHTSDESK_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {Executable}. Run ./test.sh as root (it installs Debian's chromium package), or 'apt-get install -y chromium'.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh context: no cookies or cache shared with other tests. JavaScript is off unless asked for.</summary>
    public Task<IBrowserContext> NewContext(bool javaScript = false, int width = 1280, int height = 900, string? acceptLanguage = null)
    {
        var options = new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // The axe run injects its script; the pages' CSP rightly forbids that to anyone else.
            BypassCSP = javaScript,
        };
        if (acceptLanguage is not null)
        {
            options.ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage };
        }

        return Browser.NewContextAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
