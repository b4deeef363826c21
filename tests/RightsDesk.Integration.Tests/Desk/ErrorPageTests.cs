using System.Net;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>
/// Errors in the caller's terms: a person's browser gets a page in words, the API a problem; an unknown public address
/// is a public "not found", never the staff sign-in; a case the person may not see looks like one that does not exist.
/// </summary>
public sealed class ErrorPageTests(SqliteDeskApp app) : IClassFixture<SqliteDeskApp>
{
    private HttpClient Browser() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    [Fact]
    public async Task An_unknown_public_address_is_a_public_not_found_page()
    {
        foreach (var path in new[] { "/no-such-page", "/en/no-such-page", "/wp-login.php" })
        {
            var page = await Browser().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("signin", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_api_answers_a_problem_not_a_page()
    {
        var missing = await (await app.ClientFor(Roles.LegalReviewer)).GetAsync($"/api/v1/demands/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var unknown = await Browser().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_case_the_person_may_not_see_is_a_not_found_page_like_a_missing_one()
    {
        using var desk = new PageSession(app);
        var person = await PageSession.CreatePersonAsync(app, "errors-" + Guid.NewGuid().ToString("N")[..8] + "@desk.example", Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.SignInAsync(person)).StatusCode);
        var html = await desk.GetAsync($"/desk/demands/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("not cleared to see it", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/desk\"", html, StringComparison.Ordinal);
        Assert.Equal("text/html", desk.Last!.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Robots_keep_search_engines_to_the_public_pages()
    {
        var robots = await (await Browser().GetAsync("/robots.txt")).Content.ReadAsStringAsync();
        foreach (var closed in new[] { "/desk", "/portal", "/account", "/api" })
        {
            Assert.Contains("Disallow: " + closed + "\n", robots, StringComparison.Ordinal);
        }

        Assert.Contains("Allow: /\n", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_describe_themselves_and_name_their_languages()
    {
        var html = await (await Browser().GetAsync("/en/guidelines")).Content.ReadAsStringAsync();
        Assert.Matches("<meta name=\"description\" content=\"These guidelines tell government authorities how [^\"]+\">", html);
        Assert.Contains("hreflang=\"x-default\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"ar\"", html, StringComparison.Ordinal);
    }
}
