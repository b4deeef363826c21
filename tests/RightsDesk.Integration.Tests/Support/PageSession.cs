using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>
/// A person's account as the tests know it: what the person would type. The authenticator follows the host's clock,
/// and each code is good once, so <see cref="Code"/> first moves the clock to the next 30-second step, as a person
/// waits for the app to show a new code.
/// </summary>
public sealed record Person(string Email, string Password, string TotpSecret, FakeTimeProvider Clock)
{
    public string Code()
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return CodeAt(Clock.GetUtcNow());
    }

    /// <summary>The code the app showed (or will show) at this time, without moving the clock.</summary>
    public string CodeAt(DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(TotpSecret)).ComputeTotp(at.UtcDateTime);
}

/// <summary>
/// A browser-like client for the server-rendered pages: HTTPS (the session cookie is Secure), cookies kept, redirects
/// not followed so tests can see them, and form posts that carry the antiforgery token from the page they came from.
/// </summary>
public sealed partial class PageSession(DeskApp app, string baseAddress = "https://localhost") : IDisposable
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true,
    });

    public HttpResponseMessage? Last { get; private set; }

    public async Task<string> GetAsync(string path, HttpStatusCode expect = HttpStatusCode.OK)
    {
        Last = await Client.GetAsync(path);
        var html = await Last.Content.ReadAsStringAsync();
        Assert.True(Last.StatusCode == expect, $"GET {path}: expected {(int)expect}, got {(int)Last.StatusCode} {Last.Headers.Location}\n{Trim(html)}");
        return html;
    }

    /// <summary>Loads the page with the form, then posts the fields with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await GetAsync(formPage);
        var token = AntiforgeryField().Matches(page).LastOrDefault() ?? AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery field.");
        var all = fields.Append(new("__rd_form", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        Last = await Client.PostAsync(action ?? formPage, new FormUrlEncodedContent(all));
        return Last;
    }

    /// <summary>The session cookie as the last response set it, to replay from another client (a copied cookie).</summary>
    public static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

    public async Task<HttpResponseMessage> SignInAsync(Person person, string? code = null) =>
        await PostFormAsync("/account/signin", [new("Email", person.Email), new("Password", person.Password), new("Code", code ?? person.Code())]);

    public static async Task<Person> CreatePersonAsync(DeskApp app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var link = await accounts.CreateStaffAsync(email, role, null, "test", default);
        var secret = await accounts.AuthenticatorSecretAsync(link.User);
        var person = new Person(email, "correct horse battery staple " + Guid.NewGuid().ToString("N")[..6], secret, app.Clock);
        var result = await accounts.CompleteEnrolmentAsync(link.User, person.Password, person.Code(), default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return person;
    }

    public void Dispose() => Client.Dispose();

    private static string Trim(string s) => s.Length > 600 ? s[..600] : s;

    [GeneratedRegex("name=\"__rd_form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
