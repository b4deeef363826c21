using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Misuse;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// What an Art. 23 suspension does, on each engine: the desk warns a notifier of unfounded notices and proposes a
/// suspension that the proposer cannot confirm and a second person can; the notifier's next notice is kept and not
/// processed (out of the queue, the receipt says so); and an account suspended for unfounded complaints finds its
/// next appeal heard and not taken in.
/// </summary>
public abstract class MisuseEffectsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Reasons = "Twelve notices in a month named lawful news reports as terrorist content; none of them was.";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private string Day(int days) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_second_person_confirms_a_notifiers_suspension_and_their_next_notice_is_kept_but_not_processed()
    {
        var email = Unique("flooder") + "@mail.example";
        using var first = new PageSession(app);
        await first.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        KeyValuePair<string, string>[] form =
        [
            new("kind", "unfoundedNotices"), new("party", "notifier"), new("partyId", email), new("language", "fr"), new("reasons", Reasons), new("until", Day(14)),
        ];

        var check = await first.PostFormAsync("/desk/misuse/new", form, "/desk/misuse/new?handler=check");
        var checkPage = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("id=\"counted\">0 of 0", checkPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", checkPage, StringComparison.Ordinal);

        var early = await first.PostFormAsync("/desk/misuse/new", form, "/desk/misuse/new?handler=propose");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("prior warning", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/desk/misuse/new", form, "/desk/misuse/new?handler=warn")).StatusCode);
        var proposed = await first.PostFormAsync("/desk/misuse/new", form, "/desk/misuse/new?handler=propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var path = proposed.Headers.Location!.OriginalString.Split('?')[0];

        Assert.Contains("id=\"own-proposal\"", await first.GetAsync(path), StringComparison.Ordinal);
        var own = await first.PostFormAsync(path, [], path + "?handler=confirm");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("a second person must", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var second = new PageSession(app);
        await second.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(path, [], path + "?handler=confirm")).StatusCode);
        Assert.Contains("in force", await second.GetAsync("/desk/misuse"), StringComparison.Ordinal);

        var platform = await app.ClientFor(Roles.Platform, "misuse-notices");
        var r = await platform.PostAsJsonAsync("/api/v1/moderation/notices", new
        {
            content = new[] { "https://news.example/2026/03/report" }, explanation = "This report is terrorist propaganda and must go.", goodFaith = true,
            language = "fr", notifierEmail = email.ToUpperInvariant(),
        });
        var reference = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var notice = await db.IllegalContentNotices.AsNoTracking().SingleAsync(n => n.Reference == reference);
            Assert.Equal(NoticeStatus.NotProcessed, notice.Status);
            Assert.True(await db.LedgerEvents.AsNoTracking().AnyAsync(e => e.Code == (int)LedgerEventCode.MisuseSubmissionNotProcessed && e.Data.Contains(notice.Id.ToString())));
            await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
        });
        Assert.DoesNotContain(reference, await second.GetAsync("/desk/moderation/notices"), StringComparison.Ordinal);
        var mails = app.Smtp.Messages.Where(m => m.To.Any(t => t.Contains(email, StringComparison.OrdinalIgnoreCase)))
            .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))).TextBody ?? "").ToList();
        Assert.Contains(mails, m => m.Contains("Nous vous avertissons", StringComparison.Ordinal));
        // The test's reading of the message is ASCII-safe only, so the French is matched on its ASCII words.
        Assert.Contains(mails, m => m.Contains("ne traiterons pas vos notifications", StringComparison.Ordinal) && m.Contains(Day(14), StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains(reference, StringComparison.Ordinal) && m.Contains("ne sont pas trait", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_suspended_for_unfounded_complaints_is_heard_and_its_appeal_not_taken_in()
    {
        var account = "@" + Unique("appealer") + "@example.social";
        var puid = Unique("complaints-");
        await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, puid, account));
        var request = new MisuseRequest(MisuseKind.UnfoundedComplaints, MisuseParty.Account, account, "Forty appeals in a month, each repeating the same text against decisions on spam.", "en", null);
        await app.InScope(async sp =>
        {
            var desk = sp.GetRequiredService<MisuseDesk>();
            await desk.WarnAsync(request, ModerationSupport.Platform, default);
            var proposal = await desk.ProposeAsync(request with { Until = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10) }, ModerationSupport.Platform, default);
            await sp.GetRequiredService<MisuseSuspensions>().ConfirmAsync(proposal.Id, Actor.Person("misuse-confirmer-" + Guid.NewGuid().ToString("N"), "second@desk.example"), default);
        });

        var platform = await app.ClientFor(Roles.Platform, "misuse-appeals");
        var refused = await platform.PostAsJsonAsync("/api/v1/moderation/appeals", new { puid, statement = "Again: this decision is wrong and I want it reviewed." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("received but not processed until", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var decision = await db.ModerationDecisions.AsNoTracking().SingleAsync(d => d.Puid == puid);
            Assert.False(await db.Appeals.AsNoTracking().AnyAsync(a => a.DecisionId == decision.Id));
            Assert.True(await db.LedgerEvents.AsNoTracking().AnyAsync(e => e.Code == (int)LedgerEventCode.MisuseSubmissionNotProcessed && e.Data.Contains(decision.Id.ToString())));
        });
    }
}

public sealed class SqliteMisuseEffectsTests(SqliteDeskApp app) : MisuseEffectsTests<SqliteDeskApp>(app);

public sealed class PostgresMisuseEffectsTests(PostgresDeskApp app) : MisuseEffectsTests<PostgresDeskApp>(app);
