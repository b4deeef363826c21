using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// A notifier complains about the decision on their notice (DSA Art. 20(1)): the code comes only in the decision's
/// mail, opens the decision on the public page, carries one complaint per decision; the person who decided the notice
/// cannot decide the complaint; a reversal sends the notice back to the queue and the notifier is told.
/// </summary>
public abstract partial class NoticeComplaintTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [GeneratedRegex("complaint code: (.+?)\\. Keep it private")]
    private static partial Regex CodePattern();

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private async Task<List<string>> MailsToAsync(string email)
    {
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        return [.. app.Smtp.Messages.Where(m => m.To.Any(t => t.Contains(email, StringComparison.Ordinal)))
            .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))).TextBody ?? "")];
    }

    [Fact]
    public async Task A_notifier_complains_with_the_mailed_code_and_a_second_person_reverses_the_decision()
    {
        var email = Unique("complainer") + "@mail.example";
        var platform = await app.ClientFor(Roles.Platform, "complaint-platform");
        var r = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), new
        {
            content = new[] { "https://social.example/@target/91" }, explanation = "The post gives out a woman's home address and calls for visits.", goodFaith = true,
            language = "en", notifierName = "Lena", notifierEmail = email,
        });
        var reference = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var id = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().IllegalContentNotices.Where(n => n.Reference == reference).Select(n => n.Id).SingleAsync());

        using var first = new PageSession(app);
        await first.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var path = $"/desk/moderation/notices/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(path, [new("outcome", "noAction"), new("reasons", "The address is of a business, listed publicly.")], path + "?handler=decide")).StatusCode);
        var decidedMail = Assert.Single(await MailsToAsync(email), m => m.Contains("complaint code", StringComparison.Ordinal));
        var code = CodePattern().Match(decidedMail.ReplaceLineEndings(" ")).Groups[1].Value;
        Assert.Equal(7, code.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

        using var notifier = new PageSession(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await notifier.PostFormAsync("/notice/complaint", [new("code", "these are not the words we sent")], "/notice/complaint?handler=open")).StatusCode);
        var opened = await notifier.PostFormAsync("/notice/complaint", [new("code", code.ToUpperInvariant())], "/notice/complaint?handler=open");
        var openedPage = await opened.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(reference, openedPage, StringComparison.Ordinal);
        Assert.Contains("We took no action on the content you notified.", openedPage, StringComparison.Ordinal);
        Assert.Contains("no-store", opened.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var tooShort = await notifier.PostFormAsync("/notice/complaint", [new("code", code), new("text", "wrong")], "/notice/complaint?handler=submit");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("id=\"text-error\"", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await notifier.PostFormAsync("/notice/complaint", [new("code", code), new("text", "It is her home, not a business: the post says to go there at night.")], "/notice/complaint?handler=submit");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("id=\"sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var twice = await notifier.PostFormAsync("/notice/complaint", [new("code", code), new("text", "A second complaint about the same decision.")], "/notice/complaint?handler=submit");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var complaint = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().NoticeComplaints.AsNoTracking().Where(c => c.NoticeId == id).Select(c => c.Id).SingleAsync());

        // The person who decided the notice sees the complaint but cannot decide it.
        var page = await first.GetAsync(path);
        Assert.Contains("It is her home, not a business", page, StringComparison.Ordinal);
        var own = await first.PostFormAsync(path, [new("complaint", complaint.ToString()), new("verdict", "reversed"), new("complaintReasons", "I got the address wrong.")], path + "?handler=complaint");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("decided by someone else", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var second = new PageSession(app);
        await second.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var reversed = await second.PostFormAsync(path, [new("complaint", complaint.ToString()), new("verdict", "reversed"), new("complaintReasons", "The address is a home; the notice is decided again.")], path + "?handler=complaint");
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Contains("back in the queue", await second.GetAsync(reversed.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Contains(await MailsToAsync(email), m => m.Contains("reversed it", StringComparison.Ordinal) && m.Contains("The address is a home", StringComparison.Ordinal));
        // A code takes five tries in a quarter of an hour, right or wrong; the notifier comes back later to read the outcome.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await notifier.PostFormAsync("/notice/complaint", [new("code", code)], "/notice/complaint?handler=open");
        var afterPage = await after.Content.ReadAsStringAsync();
        Assert.Contains("The notice is being decided again.", afterPage, StringComparison.Ordinal);
        Assert.Contains("Decided: the decision was reversed", afterPage, StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var n = await db.IllegalContentNotices.AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal((NoticeStatus.Received, (NoticeOutcome?)null), (n.Status, n.Outcome));
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString()).Select(e => new { e.Code, e.Data }).ToListAsync();
            foreach (var c in new[] { LedgerEventCode.NoticeComplaintCodeIssued, LedgerEventCode.NoticeComplaintReceived, LedgerEventCode.NoticeComplaintDecided })
            {
                Assert.Single(events, e => e.Code == (int)c);
            }

            Assert.All(events, e => Assert.DoesNotContain("her home", e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain(code.Split(' ')[0] + " " + code.Split(' ')[1], e.Data, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_notifier_without_an_address_gets_no_code_and_the_window_closes_after_six_months()
    {
        var platform = await app.ClientFor(Roles.Platform, "complaint-platform-2");
        var r = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), new
        {
            content = new[] { "https://social.example/@target/92" }, explanation = "A post that insults a minister.", goodFaith = true, language = "en",
        });
        var reference = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var id = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().IllegalContentNotices.Where(n => n.Reference == reference).Select(n => n.Id).SingleAsync());
        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var path = $"/desk/moderation/notices/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("outcome", "noAction"), new("reasons", "Criticism of a minister is lawful speech.")], path + "?handler=decide")).StatusCode);
        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().NoticeComplaintCodes.CountAsync(c => c.NoticeId == id)));

        var decidedAt = DateTimeOffset.Parse("2026-01-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(NoticeComplaintRules.IsOpen(decidedAt, decidedAt.AddDays(183), 0));
        Assert.False(NoticeComplaintRules.IsOpen(decidedAt, decidedAt.AddDays(184), 0));
        Assert.True(NoticeComplaintRules.IsOpen(decidedAt, decidedAt.AddDays(300), 365));
    }
}

public sealed class SqliteNoticeComplaintTests(SqliteDeskApp app) : NoticeComplaintTests<SqliteDeskApp>(app);

public sealed class PostgresNoticeComplaintTests(PostgresDeskApp app) : NoticeComplaintTests<PostgresDeskApp>(app);
