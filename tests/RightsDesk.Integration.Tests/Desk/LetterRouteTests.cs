using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Letters;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>
/// Where a letter goes when there is no portal account (the address confirmed on a call-back, never the demand's own),
/// and the acknowledgement of receipt: a letter of its own, sendable right after intake, its time kept on the case.
/// </summary>
public abstract partial class LetterRouteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task A_letter_goes_with_its_pdf_to_the_address_confirmed_on_the_call_back_and_never_to_the_demands_own()
    {
        Assert.True(File.Exists(LetterOptions.DebianChromium), "Sending needs the PDF; Chromium is installed wherever these tests run.");
        var claimed = Unique("claimed") + "@fbi.example.gov";
        var confirmed = Unique("lers") + "@fbi.example.gov";
        var (page, intake, _) = await IntakeAsync(claimed, confirmedAtIntake: null);
        Assert.NotNull(page);
        using var intakeSession = intake;
        using var reviewer = await ReviewerAsync();
        Assert.Contains("no call-back has confirmed an address", await reviewer.GetAsync(page!), StringComparison.Ordinal);

        // The reviewer calls the authority back and the duty agent confirms the address for our letters (intake follows
        // what it filed by status only).
        var called = await reviewer.PostFormAsync(page!, [new("calledNumber", "+1 202 324 3000"), new("numberSource", "fbi.gov field offices"),
            new("spokeWith", "the duty agent"), new("confirmedEmail", confirmed)], page + "?handler=verify");
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);

        var letterId = await DecideAndDraftAsync(reviewer, page!);
        var html = await reviewer.GetAsync(page!);
        Assert.Contains($"The letter goes to <span id=\"letter-to\">{confirmed}</span>", html, StringComparison.Ordinal);
        Assert.Contains("the address the authority confirmed when staff called it back", html, StringComparison.Ordinal);
        Assert.Contains("Send with the PDF to the address confirmed by call-back", html, StringComparison.Ordinal);

        var sent = await reviewer.PostFormAsync(page!, [new("letterId", letterId.ToString())], page + "?handler=emailLetter");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (mail, _) = await PortalSupport.MailToAsync(app, confirmed);
        Assert.Equal(confirmed, ((MailboxAddress)mail.To.Single()).Address, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("application/pdf", Assert.IsType<MimePart>(Assert.Single(mail.Attachments)).ContentType.MimeType);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Any(t => t.Contains(claimed, StringComparison.OrdinalIgnoreCase)));

        var demandId = page!["/desk/demands/".Length..];
        var recorded = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.LetterSent, demandId));
        var fields = JsonDocument.Parse(recorded.Data).RootElement.GetProperty("fields");
        Assert.Equal("callBack", fields.GetProperty("route").GetString());
        Assert.Equal("outbox", fields.GetProperty("via").GetString());
        var callBack = (await PortalSupport.LedgerAsync(app, LedgerEventCode.RequesterVerifiedByCallBack, demandId)).Last();
        Assert.Equal("true", JsonDocument.Parse(callBack.Data).RootElement.GetProperty("fields").GetProperty("addressConfirmed").GetString());
        await AssertNowhereInClearAsync(demandId, confirmed);
    }

    [Fact]
    public async Task An_address_confirmed_at_intake_is_refused_when_it_is_not_an_address_and_used_when_it_is()
    {
        var confirmed = Unique("duty") + "@police.example.gov";
        var (page, intake, refused) = await IntakeAsync("officer@police.example.gov", confirmedAtIntake: "not an address");
        intake.Dispose();
        Assert.Null(page);
        Assert.Contains("Not an e-mail address", await refused!.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (page, intake, _) = await IntakeAsync("officer@police.example.gov", confirmedAtIntake: confirmed);
        intake.Dispose();
        using var reviewer = await ReviewerAsync();
        await DecideAndDraftAsync(reviewer, page!);
        Assert.Contains($"<span id=\"letter-to\">{confirmed}</span>", await reviewer.GetAsync(page!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acknowledgement_of_receipt_goes_right_after_intake_and_its_time_is_kept_on_the_case()
    {
        var (page, intake, _) = await IntakeAsync("officer@police.example.gov", confirmedAtIntake: null);
        intake.Dispose();
        using var reviewer = await ReviewerAsync();
        var before = await reviewer.GetAsync(page!);
        Assert.Contains("receipt acknowledged <span class=\"visually-hidden\">(to come)</span>", before, StringComparison.Ordinal);

        var drafted = await reviewer.PostFormAsync(page!, [new("language", "en")], page + "?handler=draftAcknowledgement");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var html = await reviewer.GetAsync(page!);
        Assert.Contains("receipt acknowledged", html, StringComparison.Ordinal);
        Assert.Contains("This letter acknowledges its receipt only", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"acknowledge-form\"", html, StringComparison.Ordinal); // one draft at a time
        var letterId = Guid.Parse(LetterId().Match(html).Groups[1].Value);

        var marked = await reviewer.PostFormAsync(page!, [new("letterId", letterId.ToString())], page + "?handler=sendLetter");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var after = await reviewer.GetAsync(page!);
        Assert.Contains("id=\"acknowledged\">Receipt acknowledged to the authority", after, StringComparison.Ordinal);
        Assert.Contains("receipt acknowledged <span class=\"visually-hidden\">(done)</span>", after, StringComparison.Ordinal);

        var demandId = Guid.Parse(page!["/desk/demands/".Length..]);
        var ack = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.ReceiptAcknowledged, demandId.ToString()));
        var fields = JsonDocument.Parse(ack.Data).RootElement.GetProperty("fields");
        Assert.Equal(letterId.ToString(), fields.GetProperty("letter").GetString());
        Assert.Equal("2026-03-02T14:05:00Z", fields.GetProperty("receivedAt").GetString());
        Assert.True(long.Parse(fields.GetProperty("hours").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        DateTimeOffset? stored = null;
        await app.InScope(async sp => stored = (await sp.GetRequiredService<RightsDeskDbContext>().Demands.AsNoTracking().SingleAsync(d => d.Id == demandId)).AcknowledgedAt);
        Assert.Equal(ack.At, stored);

        var again = await reviewer.PostFormAsync(page!, [new("language", "en")], page + "?handler=draftAcknowledgement");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already been sent an acknowledgement", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Unique(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)];

    private async Task<PageSession> ReviewerAsync()
    {
        var alice = await PageSession.CreatePersonAsync(app, Unique("alice") + "@desk.example", Roles.LegalReviewer);
        var reviewer = new PageSession(app);
        await reviewer.SignInAsync(alice);
        return reviewer;
    }

    /// <summary>A warrant typed up at intake; the call-back at intake confirms <paramref name="confirmedAtIntake"/>, or
    /// is left out when null (then the demand waits for one).</summary>
    private async Task<(string? Page, PageSession Intake, HttpResponseMessage? Refused)> IntakeAsync(string claimed, string? confirmedAtIntake)
    {
        var ines = await PageSession.CreatePersonAsync(app, Unique("ines") + "@desk.example", Roles.Intake);
        var intake = new PageSession(app);
        await intake.SignInAsync(ines);
        var form = DeskFlowTests<TApp>.WarrantForm("FBI Newark " + Guid.NewGuid().ToString("N")[..6], "US")
            .Select(f => f.Key == "authority.email" ? new KeyValuePair<string, string>(f.Key, claimed) : f)
            .Where(f => confirmedAtIntake is not null || !f.Key.StartsWith("authority.verif", StringComparison.Ordinal))
            .ToList();
        if (confirmedAtIntake is not null)
        {
            form.Add(new("authority.verification.confirmedEmail", confirmedAtIntake));
        }

        var created = await intake.PostFormAsync("/desk/demands/new", form);
        return created.StatusCode == HttpStatusCode.Redirect
            ? (created.Headers.Location!.OriginalString.Split('?')[0].Replace("/filed", "", StringComparison.Ordinal), intake, null)
            : (null, intake, created);
    }

    private async Task<Guid> DecideAndDraftAsync(PageSession reviewer, string page)
    {
        var decided = await reviewer.PostFormAsync(page, [new("outcome", "disclose"), new("dataCategories", "subscriberInfo"), new("reason", "")], page + "?handler=decide");
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [new("language", "en")], page + "?handler=draftLetter")).StatusCode);
        var id = LetterId().Match(await reviewer.GetAsync(page));
        Assert.True(id.Success, "no draft letter on the page");
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        return Guid.Parse(id.Groups[1].Value);
    }

    private async Task AssertNowhereInClearAsync(string demandId, string address)
    {
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == demandId).Select(e => e.Data).ToListAsync();
            Assert.DoesNotContain(events, e => e.Contains(address, StringComparison.OrdinalIgnoreCase));
            var sealedEmail = (await db.Demands.AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(demandId))).SealedCallBackEmail;
            Assert.NotNull(sealedEmail);
            Assert.DoesNotContain(address, System.Text.Encoding.UTF8.GetString(sealedEmail), StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("name=\"letterId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex LetterId();
}

public sealed class SqliteLetterRouteTests(SqliteDeskApp app) : LetterRouteTests<SqliteDeskApp>(app);

public sealed class PostgresLetterRouteTests(PostgresDeskApp app) : LetterRouteTests<PostgresDeskApp>(app);
