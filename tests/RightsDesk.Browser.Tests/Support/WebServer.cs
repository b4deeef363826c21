using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>
/// The real web host on Kestrel, on a free loopback port, with a fresh SQLite database in a temporary directory: what a
/// browser talks to. One per test collection; derive from it (or set <see cref="PolicyDirectory"/>) for another setup.
/// </summary>
public class WebServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public WebServer()
    {
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "rightsdesk-browser", Guid.NewGuid().ToString("N"));

    /// <summary>The policy the host serves; the checkout's policy/ unless a test needs its own.</summary>
    public virtual string PolicyDirectory => Repo.Policy;

    /// <summary>http://127.0.0.1:{port}, known once the server has started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        return Task.CompletedTask;
    }

    /// <summary>An HTTP client that talks to the server over the network, as a browser would.</summary>
    public HttpClient Http(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Engine", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(DataDirectory, "rightsdesk.db")};Pooling=False");
        builder.UseSetting("RightsDesk:DataDirectory", DataDirectory);
        builder.UseSetting("RightsDesk:PolicyDirectory", PolicyDirectory);
        builder.UseSetting("Notices:Worker:Enabled", "false");
        builder.UseSetting("Impact:Worker:Enabled", "false");
        // A browser test fetches many pages from one address within a minute.
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        builder.UseSetting("RateLimits:AuthenticatedPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Portal:RegistrationsPerAddress", "100000");
        builder.UseSetting("Portal:RegistrationsPerDomain", "100000");
        // Plain HTTP on loopback, as the demo runs: cookies without the Secure-only __Host- prefix.
        builder.UseSetting("Accounts:AllowPlainHttp", "true");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the closing host stays in the temp directory; the next run does not need it.
        }
    }
}
