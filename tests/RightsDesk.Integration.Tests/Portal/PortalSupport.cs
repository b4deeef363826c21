using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Notices;
using RightsDesk.Web.Portal;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>An official as the tests know them: the person, and the account's id.</summary>
public sealed record Official(Person Person, string UserId);

/// <summary>Steps the portal tests share: registering, reading the e-mailed link, enrolling, verifying, submitting.</summary>
public static partial class PortalSupport
{
    public const string Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    public static string NewEmail(string domain = "police.example.gov") => $"o{Guid.NewGuid():N}"[..12] + "@" + domain;

    public static KeyValuePair<string, string>[] Registration(string email, string country = "US") =>
    [
        new("name", "Dana Whitfield"), new("title", "Special Agent"), new("authorityName", "Federal Bureau of Investigation, Newark Field Office"),
        new("authorityType", "lawEnforcement"), new("country", country), new("email", email), new("phone", "+1 973 555 0100"),
    ];

    /// <summary>Sends what is in the outbox, then the latest e-mail to the address and the enrolment link in it.</summary>
    public static async Task<(MimeMessage Mail, string? Link)> MailToAsync(DeskApp app, string email)
    {
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        var raw = app.Smtp.Messages.LastOrDefault(m => m.To.Any(t => t.Contains(email, StringComparison.OrdinalIgnoreCase)));
        Assert.True(raw.Data is not null, "No e-mail was sent to " + email);
        var mail = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
        var link = EnrolLink().Match(mail.TextBody ?? "");
        return (mail, link.Success ? link.Value : null);
    }

    /// <summary>Registers through the service (as the page does), finishes enrolment from the e-mailed link.</summary>
    public static async Task<Official> EnrolledOfficialAsync(DeskApp app, string? email = null, string country = "US")
    {
        email ??= NewEmail();
        await app.InScope(async sp =>
        {
            var http = new DefaultHttpContext();
            http.Request.Scheme = "https";
            http.Request.Host = new HostString("localhost");
            var f = Registration(email, country).ToDictionary(k => k.Key, k => k.Value);
            await sp.GetRequiredService<OfficialRegistration>().RegisterAsync(
                new RegistrationInput(f["name"], f["title"], f["authorityName"], f["authorityType"], f["country"], f["email"], f["phone"]), http.Request, default);
        });
        var (_, link) = await MailToAsync(app, email);
        Assert.NotNull(link);
        return await EnrolAsync(app, link!);
    }

    public static async Task<Official> EnrolAsync(DeskApp app, string link)
    {
        Official? official = null;
        await app.InScope(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var user = await accounts.FindByEnrolmentAsync(link[(link.LastIndexOf('=') + 1)..], default);
            Assert.NotNull(user);
            var person = new Person(user!.Email!, "amber window quiet harbour " + Guid.NewGuid().ToString("N")[..6], await accounts.AuthenticatorSecretAsync(user), app.Clock);
            var result = await accounts.CompleteEnrolmentAsync(user, person.Password, person.Code(), default);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            official = new Official(person, user.Id);
        });
        return official!;
    }

    public static async Task<Official> VerifiedOfficialAsync(DeskApp app, string? email = null, string country = "US")
    {
        var official = await EnrolledOfficialAsync(app, email, country);
        await app.InScope(sp => sp.GetRequiredService<OfficialReview>().VerifyAsync(official.UserId,
            new CallBack("The agency's page on fbi.gov, switchboard", "+1 973 555 0199", "Duty officer, Newark switchboard",
                "Confirmed the agent works there, in that role, and registered this address.", true), "verifier@desk.example", default));
        return official;
    }

    public static async Task<PageSession> SignedInAsync(DeskApp app, Person person)
    {
        var s = new PageSession(app);
        var signIn = await s.SignInAsync(person);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return s;
    }

    /// <summary>The portal's form for a US search warrant (example 01), ready to post.</summary>
    public static List<KeyValuePair<string, string>> Warrant(string target) =>
    [
        new("kind", "userData"), new("legalProcess", "searchWarrant"), new("authority.reference", "NK-2026-" + target[^4..]),
        new("legalBasis", "18 U.S.C. § 2703(a) and (b)(1)(A); Fed. R. Crim. P. 41"), new("offence", "Wire fraud (18 U.S.C. § 1343)"),
        new("statementOfReasons", "Probable cause affidavit: the account was used to solicit payments for a fictitious investment scheme."),
        new("targets", "account " + target), new("dataCategories", "subscriberInfo"), new("dataCategories", "content"),
        new("dateRange.from", "2025-11-01"), new("dateRange.to", "2026-01-31"), new("deadline", "2026-04-30"),
        new("document.signed", "true"), new("document.officialLetterhead", "true"),
    ];

    /// <summary>Posts the submit form as a browser does: multipart, with the page's antiforgery token and a document.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(PageSession s, IEnumerable<KeyValuePair<string, string>> fields, (string Name, string Type, byte[] Content)? document)
    {
        var page = await s.GetAsync("/portal/submit");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__rd_form", Field(page, "__rd_form"))).Append(new("IdempotencyKey", Field(page, "IdempotencyKey"))))
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (document is { } d)
        {
            var file = new ByteArrayContent(d.Content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(d.Type);
            content.Add(file, "document", d.Name);
        }

        return await s.Client.PostAsync("/portal/submit", content);
    }

    public static (string, string, byte[]) PdfDocument => ("warrant.pdf", "application/pdf", Encoding.ASCII.GetBytes(Pdf));

    public static Guid DemandIdFrom(HttpResponseMessage submitted)
    {
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)submitted.StatusCode}: {submitted.Content.ReadAsStringAsync().Result[..Math.Min(3000, submitted.Content.ReadAsStringAsync().Result.Length)]}");
        var location = submitted.Headers.Location!.ToString();
        Assert.StartsWith("/portal/demands/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/portal/demands/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    public static async Task<List<LedgerEventRecord>> LedgerAsync(DeskApp app, LedgerEventCode code, string subject)
    {
        List<LedgerEventRecord> events = [];
        await app.InScope(async sp => events = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .Where(e => e.Code == (int)code && e.SubjectId == subject).OrderBy(e => e.Seq).ToListAsync());
        return events;
    }

    /// <summary>
    /// Each form must carry its own antiforgery token: a browser posts only its own fields, whereas PageSession takes
    /// the first token on the page (the layout's sign-out form), which would hide a form without one.
    /// </summary>
    public static void AssertEveryFormCarriesItsToken(string html)
    {
        var forms = Regex.Matches(html, "<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.Contains("name=\"__rd_form\"", f.Groups[1].Value, StringComparison.Ordinal));
    }

    public static string Field(string html, string name)
    {
        var m = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"");
        Assert.True(m.Success, $"The page has no field {name}.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex(@"https://[a-z0-9.-]+(:[0-9]+)?/account/enrol\?token=[A-Za-z0-9_-]{20,}")]
    private static partial Regex EnrolLink();
}
