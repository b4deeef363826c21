using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// Running behind a TLS-terminating reverse proxy. X-Forwarded-For, -Proto and -Host are believed only when the
/// connection comes from a configured proxy (<c>Hosting:KnownProxies</c>, addresses; <c>Hosting:KnownNetworks</c>,
/// CIDR ranges); none is trusted by default, not even loopback, so a caller cannot choose its own address (and with it
/// its rate-limit bucket) or make a plain request look like HTTPS. Once applied, the rest of the pipeline sees the
/// client's address and scheme: the rate limiter partitions by the real caller, HSTS and Secure cookies see HTTPS.
/// </summary>
public static class ProxySetup
{
    public static void AddRightsDeskProxy(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<PublicUrl>();
        var proxies = config.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("Hosting:KnownNetworks").Get<string[]>() ?? [];
        var publicHost = new PublicUrl(config).Host;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var ip) ? ip
                    : throw new InvalidOperationException($"Hosting:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var range) ? range
                    : throw new InvalidOperationException($"Hosting:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8."));
            }

            // Every hop is checked against the lists, so a chain of known proxies is walked back to the first caller
            // that is not one of them, and no further.
            o.ForwardLimit = null;
            // A forwarded host other than the public one is ignored, not believed.
            if (publicHost is not null)
            {
                o.AllowedHosts = [publicHost];
            }
        });
    }

    public static IApplicationBuilder UseRightsDeskProxy(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
