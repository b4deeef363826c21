using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Portal;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>What tells an official the portal is the platform's own, and what keeps their account theirs.</summary>
public abstract partial class PortalTrustTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Platform = "Example Social";

    private static void AssertNamesThePlatform(string html)
    {
        Assert.Contains("id=\"portal-trust\"", html, StringComparison.Ordinal);
        Assert.Contains($"{Platform}: authority portal", html, StringComparison.Ordinal);
        Assert.Contains("send legal demands to " + Platform, html, StringComparison.Ordinal);
        Assert.Contains($"{Platform} never asks for your password, an authenticator code or a recovery code by e-mail, phone or chat", html, StringComparison.Ordinal);
        Assert.Contains($"<title>", html, StringComparison.Ordinal);
        Assert.Contains($"· {Platform} authority portal</title>", html, StringComparison.Ordinal);
    }

    /// <summary>Registers through the page and returns the enrolment link's local path from the mail.</summary>
    private async Task<(string Email, string EnrolPath)> RegisterAsync(PageSession s)
    {
        var email = PortalSupport.NewEmail("trust.example.gov");
        var registered = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var (_, link) = await PortalSupport.MailToAsync(app, email);
        return (email, link!.Replace("https://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_portal_page_names_the_platform_says_what_the_portal_is_for_and_that_codes_are_never_asked_for()
    {
        using var anonymous = new PageSession(app);
        AssertNamesThePlatform(await anonymous.GetAsync("/account/signin"));
        AssertNamesThePlatform(await anonymous.GetAsync("/portal/register"));
        var (_, enrol) = await RegisterAsync(anonymous);
        AssertNamesThePlatform(await anonymous.GetAsync(enrol));

        var official = await PortalSupport.VerifiedOfficialAsync(app);
        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        AssertNamesThePlatform(await portal.GetAsync("/portal"));
        AssertNamesThePlatform(await portal.GetAsync("/portal/submit"));
        var id = PortalSupport.DemandIdFrom(await PortalSupport.SubmitAsync(portal, PortalSupport.Warrant("acct-trust-" + Guid.NewGuid().ToString("N")[..6]), PortalSupport.PdfDocument));
        AssertNamesThePlatform(await portal.GetAsync($"/portal/demands/{id}"));
        AssertNamesThePlatform(await portal.GetAsync("/portal/downloads/" + new string('b', 64), HttpStatusCode.NotFound));

        // The desk itself is RightsDesk, not the portal.
        var staff = await PageSession.CreatePersonAsync(app, $"t{Guid.NewGuid():N}"[..10] + "@desk.example", RightsDesk.Core.Security.Roles.Intake);
        using var desk = await PortalSupport.SignedInAsync(app, staff);
        Assert.DoesNotContain("id=\"portal-trust\"", await desk.GetAsync("/desk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_shows_a_qr_code_drawn_on_the_server_with_the_key_grouped_beside_it()
    {
        using var s = new PageSession(app);
        var (_, enrol) = await RegisterAsync(s);
        var page = await s.GetAsync(enrol);

        var svg = Regex.Match(page, "<svg class=\"qr\"[^>]*viewBox=\"0 0 (\\d+) \\1\"[^>]*role=\"img\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, "no inline SVG QR code on the enrolment page");
        Assert.Contains("<title id=\"qr-title\">QR code to add your Example Social account", svg.Value, StringComparison.Ordinal);
        Assert.Matches("<path fill=\"#000\" d=\"(M\\d+ \\d+h1v1h-1z)+\"", svg.Value);
        // Nothing the page's policy would block: no script, no inline style, no data: image.
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("img-src 'self'", s.Last!.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The typed key stays as the fallback, in groups of four, and the app lists the account under the platform's name.
        var key = Regex.Match(page, "id=\"totp-secret\">([a-z2-7 ]+)<").Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains("otpauth://totp/Example%20Social:", page, StringComparison.Ordinal);
        Assert.Contains("issuer=Example%20Social", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_codes_are_shown_once_stored_only_hashed_and_each_signs_in_once_in_place_of_the_code()
    {
        using var s = new PageSession(app);
        var (email, enrol) = await RegisterAsync(s);
        var page = await s.GetAsync(enrol);
        var secret = Regex.Match(page, "id=\"totp-secret\">([a-z2-7 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var person = new Person(email, "amber window quiet harbour " + Guid.NewGuid().ToString("N")[..6], secret, app.Clock);
        var done = await s.PostFormAsync(enrol, [new("Password", person.Password), new("Confirm", person.Password), new("Code", person.Code())]);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("shown only this once", html, StringComparison.Ordinal);
        Assert.Equal("no-store", done.Headers.CacheControl?.ToString());
        // The EFF list has four hyphenated words (drop-down, felt-tip, t-shirt, yo-yo): one in forty runs shows one.
        var codes = Regex.Matches(Regex.Match(html, "<ol class=\"recovery-codes\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value, "<li>([a-z -]+)</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(5, c.Split(' ').Length));

        // Stored only as keyed lookups and Argon2id hashes, and not as Identity's plaintext tokens.
        var userId = "";
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            userId = (await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).Id;
            var rows = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
            Assert.Equal(10, rows.Count);
            Assert.All(rows, r => Assert.Equal(32, r.Hash.Length));
            var stored = string.Join("|", rows.Select(r => r.LookupKey + Convert.ToHexString(r.Hash) + Convert.ToHexString(r.Salt)));
            Assert.All(codes, c => Assert.DoesNotContain(c.Split(' ')[0] + c.Split(' ')[1], stored, StringComparison.OrdinalIgnoreCase));
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == userId && t.Name == "RecoveryCodes"));
        });
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.RecoveryCodesIssued, userId));
        // The link is spent, so the codes cannot be shown again.
        Assert.DoesNotContain("recovery-codes", await s.GetAsync(enrol, HttpStatusCode.NotFound), StringComparison.Ordinal);

        // Typed in capitals with odd spacing, a code signs in without the authenticator and says how many remain.
        using var lost = new PageSession(app);
        var signIn = await lost.SignInAsync(person, "  " + codes[3].ToUpperInvariant().Replace(" ", "  -", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/recovered", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        var recovered = await lost.GetAsync(signIn.Headers.Location!.ToString());
        Assert.Contains("You have 9 recovery codes left.", recovered, StringComparison.Ordinal);
        Assert.Contains("href=\"/portal\"", recovered, StringComparison.Ordinal);
        var used = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.RecoveryCodeUsed, userId));
        Assert.Contains("\"remaining\":\"9\"", used.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[3].Split(' ')[0], used.Data, StringComparison.Ordinal);

        // Used once, it is gone; a code is no good without the password either.
        using var again = new PageSession(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.SignInAsync(person, codes[3])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.SignInAsync(person with { Password = "wrong wrong wrong wrong" }, codes[4])).StatusCode);
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.RecoveryCodeUsed, userId));
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(person, codes[4])).StatusCode);
    }

    [Fact]
    public async Task Registration_mail_carries_nothing_the_registrant_typed()
    {
        var email = PortalSupport.NewEmail("mail.example.gov");
        using var s = new PageSession(app);
        var fields = PortalSupport.Registration(email).Select(f => f.Key switch
        {
            "name" => new KeyValuePair<string, string>("name", "Urgent Notice Pay Now"),
            "authorityName" => new("authorityName", "Your account is suspended visit evil.example"),
            "title" => new("title", "Call 555 0199 today"),
            _ => f,
        });
        Assert.Equal(HttpStatusCode.OK, (await s.PostFormAsync("/portal/register", fields)).StatusCode);
        var (mail, link) = await PortalSupport.MailToAsync(app, email);
        Assert.NotNull(link);
        var all = mail.Subject + "\n" + mail.TextBody;
        foreach (var typed in new[] { "Urgent", "suspended", "evil.example", "555 0199", "+1 973 555 0100", "Whitfield" })
        {
            Assert.DoesNotContain(typed, all, StringComparison.OrdinalIgnoreCase);
        }

        Assert.StartsWith(Platform + ":", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_is_throttled_per_address_and_per_domain_with_a_page_that_says_so()
    {
        var options = app.Services.GetRequiredService<PortalOptions>();
        var (perAddress, perDomain) = (options.RegistrationsPerAddress, options.RegistrationsPerDomain);
        options.RegistrationsPerAddress = 2;
        options.RegistrationsPerDomain = 3;
        try
        {
            var domain = $"d{Guid.NewGuid():N}"[..8] + ".example.gov";
            var email = PortalSupport.NewEmail(domain);
            using var s = new PageSession(app);
            Assert.Equal(HttpStatusCode.OK, (await s.PostFormAsync("/portal/register", PortalSupport.Registration(email))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await s.PostFormAsync("/portal/register", PortalSupport.Registration(email))).StatusCode);
            var third = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email));
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var page = WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync());
            Assert.Contains("id=\"registration-throttled\"", page, StringComparison.Ordinal);
            Assert.Contains("Too many registrations for this address in the last 24 hours.", page, StringComparison.Ordinal);

            // Other addresses of the same domain count together, whoever sends them and from wherever.
            Assert.Equal(HttpStatusCode.OK, (await s.PostFormAsync("/portal/register", PortalSupport.Registration(PortalSupport.NewEmail(domain)))).StatusCode);
            using var elsewhere = new PageSession(app);
            var byDomain = await elsewhere.PostFormAsync("/portal/register", PortalSupport.Registration(PortalSupport.NewEmail(domain)));
            Assert.Equal(HttpStatusCode.TooManyRequests, byDomain.StatusCode);
            Assert.Contains("from your authority's e-mail domain", WebUtility.HtmlDecode(await byDomain.Content.ReadAsStringAsync()), StringComparison.Ordinal);

            // After the window it works again.
            app.Clock.Advance(TimeSpan.FromHours(25));
            Assert.Equal(HttpStatusCode.OK, (await s.PostFormAsync("/portal/register", PortalSupport.Registration(email))).StatusCode);
        }
        finally
        {
            (options.RegistrationsPerAddress, options.RegistrationsPerDomain) = (perAddress, perDomain);
        }
    }

    [Fact]
    public async Task The_country_is_chosen_by_name_and_a_typed_name_is_refused_rather_than_guessed()
    {
        using var s = new PageSession(app);
        var form = await s.GetAsync("/portal/register");
        Assert.Contains("<select id=\"f-country\" name=\"country\"", form, StringComparison.Ordinal);
        Assert.Contains(">Germany (DE)</option>", form, StringComparison.Ordinal);
        Assert.Contains(">Georgia (GE)</option>", form, StringComparison.Ordinal);

        var email = PortalSupport.NewEmail();
        var typed = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email, "Germany"));
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("Choose your authority's country from the list.", WebUtility.HtmlDecode(await typed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await app.InScope(async sp => Assert.False(await sp.GetRequiredService<RightsDeskDbContext>().Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }
}

public sealed class SqlitePortalTrustTests(SqliteDeskApp app) : PortalTrustTests<SqliteDeskApp>(app);

public sealed class PostgresPortalTrustTests(PostgresDeskApp app) : PortalTrustTests<PostgresDeskApp>(app);
