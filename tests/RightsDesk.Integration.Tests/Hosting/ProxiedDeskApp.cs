using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Hosting;

/// <summary>
/// The host as deployed behind a reverse proxy: one known proxy address, a public https address, and a low anonymous
/// rate limit so buckets can be seen filling. The test server has no sockets, so the address a request "comes from"
/// is set by the <see cref="PeerHeader"/> before the app's own pipeline sees it.
/// </summary>
public abstract class ProxiedDeskApp(DatabaseEngine engine) : DeskApp(engine)
{
    public const string Proxy = "10.1.0.1";
    public const string PublicUrl = "https://desk.example.org";
    public const string PeerHeader = "X-Test-Peer";
    public const int AnonymousPerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hosting:KnownProxies:0", Proxy);
        builder.UseSetting("RightsDesk:PublicUrl", PublicUrl);
        builder.UseSetting("RateLimits:AnonymousPerMinute", AnonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> rest) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return rest();
            });
            next(app);
        };
    }
}

public sealed class SqliteProxiedDeskApp() : ProxiedDeskApp(DatabaseEngine.Sqlite);

public sealed class PostgresProxiedDeskApp() : ProxiedDeskApp(DatabaseEngine.Postgres);
