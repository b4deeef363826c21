using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Journey;

/// <summary>
/// The host as `rightsdesk demo` runs it: the worker on (it runs the notice job and the outbox), and mail sent through
/// the product's normal SMTP path to the demo's mail sink on loopback ports of its own, which the test starts.
/// </summary>
public sealed class JourneyServer : WebServer
{
    public int SmtpPort { get; } = FreePort();

    public string MailPageUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>Where the file connector reads the platform's data (the user's contact, the exports).</summary>
    public string ConnectorRoot => Path.Combine(DataDirectory, "connector");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notices:Worker:Enabled", "true");
        builder.UseSetting("Notices:Outbox:PollInterval", "00:00:01");
        builder.UseSetting("Notices:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notices:Smtp:Port", SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Notices:Smtp:Security", "none");
        builder.UseSetting("Notices:Smtp:From", "legal@platform.example");
        builder.UseSetting("Connector:Root", ConnectorRoot);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>The demo journey's own server and browser, so its worker and mail never mix with the other desk tests.</summary>
[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "journey-browser";
}
