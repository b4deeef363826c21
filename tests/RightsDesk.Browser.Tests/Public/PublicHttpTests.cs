using System.Net;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Data.Policy;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>Every country page in every language, over plain HTTP: too many for a browser, cheap for a client.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicHttpTests(WebServer server)
{
    [Fact]
    public async Task Every_country_page_in_every_language_answers_small_without_cookies()
    {
        using var http = server.Http();
        var css = await http.GetByteArrayAsync("/css/public.css");
        var policy = PolicyDirectory.Load(Repo.Policy);
        var checkedPages = 0;
        foreach (var language in PublicSite.Catalogue.Languages)
        {
            foreach (var profile in policy.Profiles)
            {
                var path = $"/{language.Code}/guidelines/{profile.Country.ToLowerInvariant()}";
                using var response = await http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(body.Length + css.Length < PublicSite.MaxPageBytes, $"{path} weighs {body.Length + css.Length} bytes with its CSS");
                checkedPages++;
            }
        }

        Assert.Equal(PublicSite.Catalogue.Languages.Count * policy.Profiles.Count, checkedPages);
    }

    [Theory]
    [InlineData("/en/guidelines/zz")]
    [InlineData("/en/guidelines/HK")]
    [InlineData("/en/guidelines/hkg")]
    public async Task Unknown_countries_are_not_found(string path)
    {
        using var http = server.Http();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/guidelines")]
    [InlineData("/fa/your-data")]
    [InlineData("/css/public.css")]
    public async Task Public_responses_are_not_stored_and_carry_the_strict_headers(string path)
    {
        using var http = server.Http();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Not even a browser cache keeps a trace that someone read what to do if a government asks for their data.
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be stored");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_guidelines_state_the_numbers_of_the_policy_in_force()
    {
        using var http = server.Http();
        var policy = PolicyDirectory.Load(Repo.Policy);
        var html = WebUtility.HtmlDecode(await http.GetStringAsync("/en/guidelines"));

        var op = policy.Operator;
        Assert.Contains($"every {op.Notice.NonDisclosureReviewDays} days", html, StringComparison.Ordinal);
        Assert.Contains($"no later than {op.Notice.EmergencyDelayDays} days after the request", html, StringComparison.Ordinal);
        Assert.Contains($"more than {op.Proportionality.TargetsConcern} accounts", html, StringComparison.Ordinal);
        Assert.Contains($"the {policy.Offences.Count} laws on our list", html, StringComparison.Ordinal);
        Assert.Contains($"a profile for each of {policy.Profiles.Count} countries", html, StringComparison.Ordinal);
        Assert.Contains(policy.Version, html, StringComparison.Ordinal);
        Assert.Contains("for 90 days while the authority obtains legal process", html, StringComparison.Ordinal);
        Assert.Contains("No user data is disclosed", html, StringComparison.Ordinal);
    }
}
