using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.IllegalContentNotices;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// Notices of illegal content (DSA Art. 16) over HTTP: the public form without cookie or script and its confirmation,
/// the API for the platform's flow and for trusted flaggers, refusals by path, the queue's Art. 22 priority, the
/// coordinated-campaign flag (lower against the at-risk registry, never shown to the notifier), and the notifier told
/// the decision with the ways to contest it.
/// </summary>
public abstract partial class IllegalContentNoticeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [GeneratedRegex("<output class=\"code\"[^>]*>(NTC-[0-9A-Z]{6})</output>")]
    private static partial Regex ReferencePattern();

    private HttpClient Browser()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static FormUrlEncodedContent Form(string content, string explanation, string? email = null, bool goodFaith = true) => new([
        new("content", content), new("explanation", explanation), new("law", "StGB § 130"), new("name", "Mira K."), new("email", email ?? ""),
        new("goodFaith", goodFaith ? "true" : ""),
    ]);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static object Body(string url, string explanation = "This post incites hatred against a group of people.") =>
        new { content = new[] { url }, explanation, goodFaith = true, language = "en" };

    private async Task<List<(string To, string Data)>> SendOutboxAsync()
    {
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        return app.Smtp.Messages.Select(m => (string.Join(",", m.To), m.Data)).ToList();
    }

    private Task<IllegalContentNoticeRecordView> RecordAsync(string reference) => app.InScope(async sp =>
    {
        var n = await sp.GetRequiredService<RightsDeskDbContext>().IllegalContentNotices.AsNoTracking().SingleAsync(x => x.Reference == reference);
        return new IllegalContentNoticeRecordView(n.Id, n.Source, n.PossibleCampaign, n.Status);
    });

    private sealed record IllegalContentNoticeRecordView(Guid Id, NoticeSource Source, bool PossibleCampaign, NoticeStatus Status);

    [Fact]
    public async Task The_public_form_takes_a_notice_without_a_cookie_confirms_it_on_screen_and_by_mail_and_refuses_forgeries()
    {
        var client = Browser();
        var form = await client.GetAsync(new Uri("/fr/notice", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Signaler un contenu illicite", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/fr/notice\"", await client.GetStringAsync(new Uri("/fr/", UriKind.Relative)), StringComparison.Ordinal);

        // Every bad field at once, in the notifier's language, and nothing stored.
        var refused = await client.PostAsync(new Uri("/fr/notice", UriKind.Relative), Form("not a url at all", "short", "nobody", goodFaith: false));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Contains("adresses web ou identifiants", errors, StringComparison.Ordinal);
        Assert.Contains("en 10 à 5 000 caractères", errors, StringComparison.Ordinal);
        Assert.Contains("adresse e-mail", errors, StringComparison.Ordinal);
        Assert.Contains("de bonne foi", errors, StringComparison.Ordinal);

        var email = Unique("mira") + "@mail.example";
        var explanation = Unique("explanation-") + " incites violence against journalists.";
        var sent = await client.PostAsync(new Uri("/fr/notice", UriKind.Relative), Form("https://social.example/@someone/1101", explanation, email));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var reference = ReferencePattern().Match(await sent.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("NTC-", reference, StringComparison.Ordinal);
        var record = await RecordAsync(reference);
        Assert.Equal(NoticeSource.Notifier, record.Source);

        var mails = await SendOutboxAsync();
        var receipt = Assert.Single(mails, m => m.To.Contains(email, StringComparison.Ordinal) && m.Data.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("social.example", receipt.Data, StringComparison.Ordinal);

        using var forged = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        forged.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var cross = await forged.PostAsync(new Uri("/fr/notice", UriKind.Relative), Form("https://social.example/@someone/1102", explanation));
        Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
    }

    [Fact]
    public async Task The_api_names_every_refused_field_by_path_and_a_trusted_flaggers_notice_comes_first_in_the_queue()
    {
        var platform = await app.ClientFor(Roles.Platform, "notice-platform");
        var bad = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative),
            new { content = new object[] { "https://ok.example/1", "has spaces in it", 7 }, explanation = "x", notifierEmail = "no-at-sign", extra = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("application/problem+json", bad.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var paths = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Superset(new HashSet<string> { "content[1]", "content[2]", "explanation", "notifierEmail", "goodFaith", "extra" }, paths);
            Assert.DoesNotContain("content[0]", paths);
        }

        var fromFlow = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), Body("https://social.example/@early/1"));
        Assert.Equal(HttpStatusCode.Accepted, fromFlow.StatusCode);
        var flowReceipt = await fromFlow.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reportingFlow", flowReceipt.GetProperty("source").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var flagger = await app.InScope(sp => sp.GetRequiredService<TrustedFlaggerRegistry>()
            .DesignateAsync(Unique("Hate Aid "), "DE", "Bundesnetzagentur", new DateOnly(2025, 6, 1), TimeSpan.FromDays(30), "test", default));
        using var flaggerClient = app.CreateClient();
        flaggerClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", flagger.Token);
        var flagged = await flaggerClient.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), Body("https://social.example/@late/2"));
        Assert.Equal(HttpStatusCode.Accepted, flagged.StatusCode);
        var flaggedReceipt = await flagged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("trustedFlagger", flaggedReceipt.GetProperty("source").GetString());

        // The flagger's token sends notices and nothing else.
        var decision = await flaggerClient.PostAsJsonAsync(new Uri("/api/v1/moderation/decisions", UriKind.Relative), new { puid = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, decision.StatusCode);

        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var queue = await desk.GetAsync("/desk/moderation/notices");
        var early = queue.IndexOf(flowReceipt.GetProperty("reference").GetString()!, StringComparison.Ordinal);
        var late = queue.IndexOf(flaggedReceipt.GetProperty("reference").GetString()!, StringComparison.Ordinal);
        Assert.True(late >= 0 && early > late, "the trusted flagger's later notice is listed before the earlier one");
        Assert.Contains("trusted flagger: " + flagger.Organisation, queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_notices_against_one_account_in_a_day_flag_the_cluster_and_three_do_against_an_at_risk_person_without_the_notifier_seeing_it()
    {
        var platform = await app.ClientFor(Roles.Platform, "campaign-platform");
        var crowd = Unique("crowd");
        var references = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            // Different posts of one account: the account is the cluster.
            var r = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), Body($"https://social.example/@{crowd}/{100 + i}"));
            references.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!);
            Assert.Equal(i == 9, (await RecordAsync(references[^1])).PossibleCampaign);
        }

        foreach (var reference in references)
        {
            Assert.True((await RecordAsync(reference)).PossibleCampaign, reference + " is flagged with its cluster");
        }

        // Someone on the registry: the third notice flags the cluster. The form's answer reads as any other.
        var defender = Unique("defender");
        await app.InScope(async sp =>
        {
            var registry = sp.GetRequiredService<AtRiskRegistry>();
            var entry = new AtRiskEntry([new(IdentifierKind.Handle, $"@{defender}@social.example")], "journalist", AtRiskSource.Staff, false, null, null,
                AtRiskVisibility.LeadAndResponders, null, null);
            await registry.ProposeAsync(entry, Core.Cases.Actor.Person("campaign-proposer", "campaign-proposer"), default);
        });
        var client = Browser();
        var answers = new List<string>();
        var defenderReferences = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var sent = await client.PostAsync(new Uri("/en/notice", UriKind.Relative), Form($"https://social.example/@{defender}/{i}", "This account spreads lies about us."));
            var html = await sent.Content.ReadAsStringAsync();
            defenderReferences.Add(ReferencePattern().Match(html).Groups[1].Value);
            answers.Add(ReferencePattern().Replace(html, ""));
        }

        var other = await client.PostAsync(new Uri("/en/notice", UriKind.Relative), Form($"https://social.example/@{Unique("nobody")}/1", "This account spreads lies about us."));
        var plain = ReferencePattern().Replace(await other.Content.ReadAsStringAsync(), "");
        Assert.All(answers, a => Assert.Equal(plain, a));
        foreach (var reference in defenderReferences)
        {
            Assert.True((await RecordAsync(reference)).PossibleCampaign, reference + " is flagged at the registry's lower threshold");
        }

        var codes = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.Code == (int)LedgerEventCode.NoticeCampaignFlagged).CountAsync());
        Assert.True(codes >= 2);

        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var page = await desk.GetAsync($"/desk/moderation/notices/{(await RecordAsync(defenderReferences[0])).Id}");
        Assert.Contains("Possible coordinated campaign", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_decides_a_notice_and_the_notifier_is_told_the_outcome_with_the_ways_to_contest_it()
    {
        var email = Unique("notifier") + "@mail.example";
        var platform = await app.ClientFor(Roles.Platform, "decide-platform");
        var withContact = new { content = new[] { "https://social.example/@target/77" }, explanation = "A threat to kill a named journalist.", goodFaith = true,
            language = "es", notifierName = "Ana", notifierEmail = email };
        var r = await platform.PostAsJsonAsync(new Uri("/api/v1/moderation/notices", UriKind.Relative), withContact);
        var reference = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var id = (await RecordAsync(reference)).Id;

        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var path = $"/desk/moderation/notices/{id}";
        var page = await desk.GetAsync(path);
        Assert.Contains("A threat to kill a named journalist.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.Ordinal);
        Assert.Contains(email, await desk.GetAsync(path + "?contact=true"), StringComparison.Ordinal);
        var reads = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.IllegalContentNoticeRead).Select(e => e.Data).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.Contains(reads, f => f.Contains("\"contact\":\"true\"", StringComparison.Ordinal));

        // A decision that does not say it followed a notice is refused; one that does is linked.
        var voluntary = Unique("vol-");
        var linked = Unique("ntc-");
        foreach (var (puid, source) in new[] { (voluntary, "SOURCE_VOLUNTARY"), (linked, "SOURCE_ARTICLE_16") })
        {
            var d = await platform.PostAsync(new Uri("/api/v1/moderation/decisions", UriKind.Relative), new StringContent($$"""
                {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT","illegalContentLegalGround":"Penal code 185",
                 "illegalContentExplanation":"A threat.","contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_VIOLENCE","territorialScope":["ES"],
                 "contentDate":"2026-03-01","applicationDate":"2026-03-03","decisionFacts":"A threat to kill.","sourceType":"{{source}}",
                 "automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{puid}}"}
                """, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, d.StatusCode);
        }

        var wrong = await desk.PostFormAsync(path, [new("outcome", "decisionTaken"), new("puid", voluntary), new("reasons", "We removed the threat.")], path + "?handler=decide");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var done = await desk.PostFormAsync(path, [new("outcome", "decisionTaken"), new("puid", linked), new("reasons", "Hemos retirado la amenaza.")], path + "?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(NoticeStatus.Decided, (await RecordAsync(reference)).Status);
        var again = await desk.PostFormAsync(path, [new("outcome", "noAction"), new("reasons", "Changed my mind about it.")], path + "?handler=decide");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var mails = await SendOutboxAsync();
        var outcome = Assert.Single(mails, m => m.To.Contains(email, StringComparison.Ordinal) && m.Data.Contains("Hemos retirado", StringComparison.Ordinal));
        Assert.Contains("art. 21 DSA", outcome.Data, StringComparison.Ordinal);
        Assert.Contains(reference, outcome.Data, StringComparison.Ordinal);
        var decided = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .SingleAsync(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.IllegalContentNoticeDecided));
        Assert.Contains("\"outcome\":\"decisionTaken\"", decided.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemos", decided.Data, StringComparison.Ordinal);
    }
}

public sealed class SqliteIllegalContentNoticeTests(SqliteDeskApp app) : IllegalContentNoticeTests<SqliteDeskApp>(app);

public sealed class PostgresIllegalContentNoticeTests(PostgresDeskApp app) : IllegalContentNoticeTests<PostgresDeskApp>(app);
