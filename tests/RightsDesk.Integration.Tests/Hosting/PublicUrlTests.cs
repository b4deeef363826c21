using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Integration.Tests.Hosting;

/// <summary>One public address for every link: RightsDesk:PublicUrl, else the older Portal:BaseUrl, else loopback only.</summary>
public sealed class PublicUrlTests
{
    [Fact]
    public void The_public_url_wins_over_the_older_portal_setting_and_ignores_the_host_header()
    {
        var url = Make(("RightsDesk:PublicUrl", "https://desk.example.org/"), ("Portal:BaseUrl", "https://old.example.org"));
        Assert.Equal("https://desk.example.org", url.For(Request("evil.example")));
        Assert.True(url.IsHttps);
    }

    [Fact]
    public void An_existing_configuration_with_only_portal_base_url_keeps_working()
    {
        var url = Make(("Portal:BaseUrl", "https://portal.example.org/rd"));
        Assert.Equal("https://portal.example.org/rd", url.For(Request("evil.example")));
    }

    [Fact]
    public void Without_either_links_are_made_only_for_loopback_requests()
    {
        var url = Make();
        Assert.Null(url.For(Request("evil.example")));
        Assert.Null(url.For(null));
        Assert.Equal("https://localhost", url.For(Request("localhost")));
    }

    [Fact]
    public void A_malformed_public_url_stops_the_host_at_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => Make(("RightsDesk:PublicUrl", "desk.example.org")));
        Assert.Throws<InvalidOperationException>(() => Make(("RightsDesk:PublicUrl", "ftp://desk.example.org")));
    }

    private static PublicUrl Make(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static HttpRequest Request(string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString(host);
        return http.Request;
    }
}
