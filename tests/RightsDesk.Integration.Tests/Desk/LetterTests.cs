using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Letters;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>The response letter on the demand page: previewed as HTML, printed as PDF, sent only to a proved address.</summary>
public abstract partial class LetterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task The_preview_shows_an_authoritys_script_as_text()
    {
        var (page, _, reviewer, _) = await PortalDemandWithLetterAsync("NK-" + Script);
        var html = await reviewer.GetAsync(page);
        var preview = Regex.Match(html, "<div class=\"letter-preview\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(preview.Success, "no letter preview on the page");
        Assert.Contains("&lt;script&gt;alert(", preview.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("<p>", preview.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_letter_downloads_as_a_pdf_and_the_download_is_ledgered()
    {
        var (page, letterId, reviewer, demandId) = await PortalDemandWithLetterAsync("NK-2026-PDF");
        var response = await reviewer.Client.GetAsync($"{page}?handler=letter&letterId={letterId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (ChromiumInstalled)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal($"letter-{letterId:N}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        }
        else
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Chromium is not installed", await reviewer.GetAsync(page), StringComparison.Ordinal);
        }

        var reads = await PortalSupport.LedgerAsync(app, LedgerEventCode.LetterRead, demandId.ToString());
        Assert.Contains(reads, e => e.Data.Contains(letterId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_portal_demands_letter_goes_with_its_pdf_to_the_officials_portal_address()
    {
        Assert.True(ChromiumInstalled, "Sending needs the PDF; Chromium is installed wherever these tests run.");
        var (page, letterId, reviewer, demandId, official) = await PortalDemandWithLetterAndOfficialAsync("NK-2026-SEND");
        Assert.Contains("with its PDF attached, to the e-mail address of the official", await reviewer.GetAsync(page), StringComparison.Ordinal);

        var sent = await reviewer.PostFormAsync(page, [new("letterId", letterId.ToString())], page + "?handler=emailLetter");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (mail, _) = await PortalSupport.MailToAsync(app, official.Person.Email);
        Assert.Equal(official.Person.Email, ((MailboxAddress)mail.To.Single()).Address, StringComparer.OrdinalIgnoreCase);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdf = new MemoryStream();
        Assert.NotNull(attachment.Content);
        await attachment.Content.DecodeToAsync(pdf);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.ToArray(), 0, 4));

        var recorded = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.LetterSent, demandId.ToString()));
        var fields = JsonDocument.Parse(recorded.Data).RootElement.GetProperty("fields");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf.ToArray())), fields.GetProperty("pdfSha256").GetString());
        Assert.Equal("outbox", fields.GetProperty("via").GetString());
        Assert.Contains("(sent", await reviewer.GetAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_is_never_sent_to_an_address_taken_from_the_demand()
    {
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var ines = await PageSession.CreatePersonAsync(app, Email("ines"), Roles.Intake);
        using var intake = new PageSession(app);
        await intake.SignInAsync(ines);
        var claimed = $"reply-{Guid.NewGuid():N}"[..16] + "@fbi.example.gov";
        var form = DeskFlowTests<TApp>.WarrantForm("FBI Newark " + Guid.NewGuid().ToString("N")[..6], "US")
            .Select(f => f.Key == "authority.email" ? new KeyValuePair<string, string>(f.Key, claimed) : f).ToList();
        var created = await intake.PostFormAsync("/desk/demands/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];

        using var reviewer = new PageSession(app);
        await reviewer.SignInAsync(alice);
        var letterId = await DecideAndDraftAsync(reviewer, page);
        Assert.Contains("did not come through the portal", await reviewer.GetAsync(page), StringComparison.Ordinal);

        var refused = await reviewer.PostFormAsync(page, [new("letterId", letterId.ToString())], page + "?handler=emailLetter");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot be e-mailed from here", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Any(t => t.Contains(claimed, StringComparison.OrdinalIgnoreCase)));

        var marked = await reviewer.PostFormAsync(page, [new("letterId", letterId.ToString())], page + "?handler=sendLetter");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var recorded = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.LetterSent, page["/desk/demands/".Length..]));
        var fields = JsonDocument.Parse(recorded.Data).RootElement.GetProperty("fields");
        Assert.Equal("staff", fields.GetProperty("via").GetString());
        Assert.Equal(ChromiumInstalled, fields.TryGetProperty("pdfSha256", out _));
    }

    private static bool ChromiumInstalled => File.Exists(LetterOptions.DebianChromium);

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@desk.example";

    private async Task<(string Page, Guid LetterId, PageSession Reviewer, Guid DemandId)> PortalDemandWithLetterAsync(string reference)
    {
        var (page, letterId, reviewer, demandId, _) = await PortalDemandWithLetterAndOfficialAsync(reference);
        return (page, letterId, reviewer, demandId);
    }

    private async Task<(string Page, Guid LetterId, PageSession Reviewer, Guid DemandId, Official Official)> PortalDemandWithLetterAndOfficialAsync(string reference)
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        var fields = PortalSupport.Warrant("acct-" + Guid.NewGuid().ToString("N")[..8])
            .Select(f => f.Key == "authority.reference" ? new KeyValuePair<string, string>(f.Key, reference) : f);
        var demandId = PortalSupport.DemandIdFrom(await PortalSupport.SubmitAsync(portal, fields, PortalSupport.PdfDocument));
        var alice = await PageSession.CreatePersonAsync(app, Email("alice"), Roles.LegalReviewer);
        var reviewer = new PageSession(app);
        await reviewer.SignInAsync(alice);
        var page = $"/desk/demands/{demandId}";
        return (page, await DecideAndDraftAsync(reviewer, page), reviewer, demandId, official);
    }

    private static async Task<Guid> DecideAndDraftAsync(PageSession reviewer, string page)
    {
        if (!(await reviewer.GetAsync(page)).Contains("Recommendation:", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [], page + "?handler=assess")).StatusCode);
        }

        var decided = await reviewer.PostFormAsync(page, [new("outcome", "disclose"), new("dataCategories", "subscriberInfo"), new("reason", "")], page + "?handler=decide");
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        var drafted = await reviewer.PostFormAsync(page, [new("language", "en")], page + "?handler=draftLetter");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var id = LetterId().Match(await reviewer.GetAsync(page));
        Assert.True(id.Success, "no draft letter on the page");
        return Guid.Parse(id.Groups[1].Value);
    }

    [GeneratedRegex("name=\"letterId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex LetterId();
}

public sealed class SqliteLetterTests(SqliteDeskApp app) : LetterTests<SqliteDeskApp>(app);

public sealed class PostgresLetterTests(PostgresDeskApp app) : LetterTests<PostgresDeskApp>(app);
