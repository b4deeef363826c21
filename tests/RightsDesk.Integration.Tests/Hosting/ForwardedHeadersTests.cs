using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Hosting;

/// <summary>Behind a proxy: forwarded headers count only from the configured proxy, and links use the public address.</summary>
public abstract class ForwardedHeadersTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ProxiedDeskApp
{
    private static int next;

    private static string NewAddress(string prefix) => prefix + Interlocked.Increment(ref next);

    [Fact]
    public async Task Behind_the_known_proxy_each_client_has_its_own_rate_limit_bucket()
    {
        using var http = Client("http://internal-host");
        var alice = NewAddress("203.0.113.");
        for (var i = 0; i < ProxiedDeskApp.AnonymousPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Health(ProxiedDeskApp.Proxy, alice))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(Health(ProxiedDeskApp.Proxy, alice))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Health(ProxiedDeskApp.Proxy, NewAddress("198.51.100.")))).StatusCode);
    }

    [Fact]
    public async Task From_an_unknown_proxy_the_forwarded_address_is_ignored()
    {
        using var http = Client("http://internal-host");
        var stranger = NewAddress("10.9.0.");
        for (var i = 0; i < ProxiedDeskApp.AnonymousPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Health(stranger, NewAddress("203.0.113.")))).StatusCode);
        }

        // A new X-Forwarded-For every time, and still the one bucket of the address the request really came from.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(Health(stranger, NewAddress("203.0.113.")))).StatusCode);
    }

    [Fact]
    public async Task The_known_proxys_scheme_and_host_are_used_and_https_brings_hsts()
    {
        using var http = Client("http://internal-host");
        var viaProxy = Desk(ProxiedDeskApp.Proxy, NewAddress("203.0.113."));
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Add("X-Forwarded-Host", "desk.example.org");
        var answer = await http.SendAsync(viaProxy);
        Assert.StartsWith("https://desk.example.org/account/signin", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(answer.Headers.Contains("Strict-Transport-Security"));

        var spoofed = Desk(NewAddress("10.9.1."), NewAddress("203.0.113."));
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        spoofed.Headers.Add("X-Forwarded-Host", "desk.example.org");
        var ignored = await http.SendAsync(spoofed);
        Assert.StartsWith("http://internal-host/account/signin", ignored.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(ignored.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_forwarded_host_other_than_the_public_one_is_not_believed()
    {
        using var http = Client("http://internal-host");
        var request = Desk(ProxiedDeskApp.Proxy, NewAddress("203.0.113."));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var answer = await http.SendAsync(request);
        Assert.DoesNotContain("evil.example", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enrolment_mail_links_to_the_public_address_whatever_host_the_request_named()
    {
        var email = PortalSupport.NewEmail();
        using var s = new PageSession(app, "https://evil.example");
        var registered = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var (mail, link) = await PortalSupport.MailToAsync(app, email);
        Assert.NotNull(link);
        Assert.StartsWith(ProxiedDeskApp.PublicUrl + "/account/enrol?token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
    }

    private HttpClient Client(string baseAddress) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage Health(string peer, string forwardedFor) => From(HttpMethod.Get, "/health", peer, forwardedFor);

    private static HttpRequestMessage Desk(string peer, string forwardedFor) => From(HttpMethod.Get, "/desk", peer, forwardedFor);

    private static HttpRequestMessage From(HttpMethod method, string path, string peer, string forwardedFor)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ProxiedDeskApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }
}

public sealed class SqliteForwardedHeadersTests(SqliteProxiedDeskApp app) : ForwardedHeadersTests<SqliteProxiedDeskApp>(app);

public sealed class PostgresForwardedHeadersTests(PostgresProxiedDeskApp app) : ForwardedHeadersTests<PostgresProxiedDeskApp>(app);
