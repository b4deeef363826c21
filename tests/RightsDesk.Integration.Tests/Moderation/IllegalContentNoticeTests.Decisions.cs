using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.IllegalContentNotices;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>A decision the platform reports naming the notice it follows (noticeId): refused by path when the notice
/// is unknown or the source does not match, otherwise stored with the link, and the notice closed with the notifier
/// mailed as the desk would.</summary>
public abstract partial class IllegalContentNoticeTests<TApp>
{
    private static string DecisionJson(string puid, string source, string noticeId) => $$"""
        {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT","illegalContentLegalGround":"Penal code 185",
         "illegalContentExplanation":"A threat to kill a named person.","contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_VIOLENCE","territorialScope":["ES"],
         "contentDate":"2026-03-01","applicationDate":"2026-03-03","decisionFacts":"The post threatens @someone by name.","sourceType":"{{source}}",
         "automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{puid}}","noticeId":"{{noticeId}}"}
        """;

    private static async Task<JsonElement> PostDecisionsAsync(HttpClient client, IEnumerable<string> items)
    {
        var r = await client.PostAsync(new Uri("/api/v1/moderation/decisions", UriKind.Relative),
            new StringContent("{\"decisions\":[" + string.Join(",", items) + "]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
    }

    private static IEnumerable<string> PathsOf(JsonElement result) =>
        result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!);

    [Fact]
    public async Task A_decision_naming_its_notice_is_checked_by_path_stored_with_the_link_and_closes_the_notice_with_the_notifier_told()
    {
        var email = Unique("linked") + "@mail.example";
        var platform = await app.ClientFor(Roles.Platform, "linked-platform");
        var sent = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), new
        {
            content = new[] { "https://social.example/@threat/9" }, explanation = "A threat to kill a named person.", goodFaith = true,
            language = "en", notifierName = "Lu", notifierEmail = email,
        });
        var reference = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var notice = await RecordAsync(reference);

        var puid = Unique("follows-");
        var results = await PostDecisionsAsync(platform, [
            DecisionJson(Unique("own-"), "SOURCE_VOLUNTARY", reference),
            DecisionJson(Unique("unknown-"), "SOURCE_ARTICLE_16", "NTC-ZZZZZZ"),
            DecisionJson(Unique("garbled-"), "SOURCE_ARTICLE_16", "not a notice"),
            DecisionJson(Unique("flagger-"), "SOURCE_TRUSTED_FLAGGER", reference),
            DecisionJson(puid, "SOURCE_ARTICLE_16", reference.ToLowerInvariant()),
        ]);
        Assert.Equal(["decisions[0].noticeId"], PathsOf(results[0]));
        Assert.Equal(["decisions[1].noticeId"], PathsOf(results[1]));
        Assert.Equal(["decisions[2].noticeId"], PathsOf(results[2]));
        // The notice came from the platform's flow, not a trusted flagger: the statement must not say otherwise.
        Assert.Equal(["decisions[3].sourceType"], PathsOf(results[3]));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal("refused", results[i].GetProperty("status").GetString()));
        Assert.Equal("created", results[4].GetProperty("status").GetString());

        // A second decision on the same notice (by its id this time) is linked too; the notice keeps its first decision.
        var second = await PostDecisionsAsync(platform, [DecisionJson(Unique("account-"), "SOURCE_ARTICLE_16", notice.Id.ToString())]);
        Assert.Equal("created", second[0].GetProperty("status").GetString());

        var (status, outcome, decidedWith, linked, events) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var n = await db.IllegalContentNotices.AsNoTracking().SingleAsync(x => x.Id == notice.Id);
            var decisionPuid = await db.ModerationDecisions.AsNoTracking().Where(d => d.Id == n.DecisionId).Select(d => d.Puid).SingleAsync();
            var linkedCount = await db.ModerationDecisions.AsNoTracking().CountAsync(d => d.NoticeId == notice.Id);
            var decidedEvents = await db.LedgerEvents.AsNoTracking()
                .CountAsync(e => e.SubjectId == notice.Id.ToString() && e.Code == (int)LedgerEventCode.IllegalContentNoticeDecided);
            return (n.Status, n.Outcome, decisionPuid, linkedCount, decidedEvents);
        });
        Assert.Equal(NoticeStatus.Decided, status);
        Assert.Equal(NoticeOutcome.DecisionTaken, outcome);
        Assert.Equal(puid, decidedWith);
        Assert.Equal(2, linked);
        Assert.Equal(1, events);

        var mails = (await SendOutboxAsync()).Where(m => m.To.Contains(email, StringComparison.Ordinal)).ToList();
        var told = Assert.Single(mails, m => m.Data.Contains("We acted on the content you notified.", StringComparison.Ordinal));
        Assert.Contains(reference, told.Data, StringComparison.Ordinal);
        Assert.Contains("Penal code 185: A threat to kill a named person.", told.Data, StringComparison.Ordinal);
        // What the notifier reads is the ground, never the facts, which speak of the affected user.
        Assert.DoesNotContain("@someone", told.Data, StringComparison.Ordinal);
        Assert.Equal(2, mails.Count);

        // A trusted flagger's notice may be followed by a decision saying so.
        var flagger = await app.InScope(sp => sp.GetRequiredService<TrustedFlaggerRegistry>()
            .DesignateAsync(Unique("Flag Org "), "DE", "Bundesnetzagentur", new DateOnly(2025, 6, 1), TimeSpan.FromDays(30), "test", default));
        using var flaggerClient = app.CreateClient();
        flaggerClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", flagger.Token);
        var flagged = await flaggerClient.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), Body("https://social.example/@flagged/3"));
        var flaggedReference = (await flagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var byFlagger = await PostDecisionsAsync(platform, [DecisionJson(Unique("tf-"), "SOURCE_TRUSTED_FLAGGER", flaggedReference)]);
        Assert.Equal("created", byFlagger[0].GetProperty("status").GetString());
        Assert.Equal(NoticeStatus.Decided, (await RecordAsync(flaggedReference)).Status);

        // The desk sees the flagger's accuracy: its one decided notice led to action.
        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var page = await desk.GetAsync("/desk/moderation/notices");
        var row = page[page.IndexOf("id=\"f-" + flagger.Id, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("1 (100 %)", row, StringComparison.Ordinal);
        Assert.Contains("in force", row, StringComparison.Ordinal);

        // Revoking the designation stops the token at once; the entry and its record stay.
        Assert.True(await app.InScope(sp => sp.GetRequiredService<TrustedFlaggerRegistry>().RevokeAsync(flagger.Id, "The coordinator revoked the designation.", "operator", default)));
        Assert.False(await app.InScope(sp => sp.GetRequiredService<TrustedFlaggerRegistry>().RevokeAsync(flagger.Id, "Again, to be sure.", "operator", default)));
        var refused = await flaggerClient.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), Body("https://social.example/@flagged/4"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        page = await desk.GetAsync("/desk/moderation/notices");
        Assert.Contains("revoked or expired", page[page.IndexOf("id=\"f-" + flagger.Id, StringComparison.Ordinal)..], StringComparison.Ordinal);
        var revoked = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .CountAsync(e => e.SubjectId == flagger.Id.ToString() && e.Code == (int)LedgerEventCode.TrustedFlaggerRevoked));
        Assert.Equal(1, revoked);
    }
}
