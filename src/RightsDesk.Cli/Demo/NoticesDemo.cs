using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Web.IllegalContentNotices;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's notices of illegal content, through the same commands as the public form, the API and the desk: notices
/// from the public in several languages, a trusted flagger's (first in the queue), notices from the platform's
/// reporting flow, a mass-reporting cluster against one account (flagged as a possible campaign), three notices
/// against a journalist on the at-risk registry (flagged at the lower threshold), decided notices of both outcomes, and the
/// flagger's notice closed by the platform's decision naming it (noticeId).
/// </summary>
public static class NoticesDemo
{
    public static async Task SeedAsync(IServiceProvider sp, Actor platform, Actor reviewer, CancellationToken ct)
    {
        var submit = sp.GetRequiredService<SubmitNotice>();
        var desk = sp.GetRequiredService<NoticeDesk>();
        var flagger = await sp.GetRequiredService<TrustedFlaggerRegistry>()
            .DesignateAsync("Digital Rights Watch e.V.", "DE", "Bundesnetzagentur", new DateOnly(2025, 9, 1), TimeSpan.FromDays(30), "demo", ct);
        var flaggerActor = Actor.Machine(flagger.TokenId.ToString(), "flagger:" + flagger.Organisation);
        var flow = new NoticeSender(NoticeSource.ReportingFlow, platform, null);

        var fromPublic = await submit.FromPublicAsync(new IllegalContentNotice(["https://social.example/@hassprediger/2201"],
            "Dieser Beitrag ruft zur Gewalt gegen Geflüchtete in einer namentlich genannten Unterkunft auf.", "StGB § 130 (Volksverhetzung)", "Jana M.",
            "jana.m@example.net", true, "en"), ct);
        await submit.FromPublicAsync(new IllegalContentNotice(["https://social.example/@vendeur_faux/88", "https://social.example/@vendeur_faux/89"],
            "Ces annonces vendent de faux médicaments contre le cancer.", null, null, null, true, "fr"), ct);
        await submit.FromPublicAsync(new IllegalContentNotice(["https://social.example/@anon7/450"],
            "هذا المنشور ينشر صوراً خاصة لامرأة من دون موافقتها.", null, null, "noor@example.org", true, "ar"), ct);
        await submit.RunAsync(new IllegalContentNotice(["demo-post-00044"], "Reported by a user through the in-app flow: a scam asking for bank details.", null, null, null, true, "en"), flow, ct);

        // The trusted flagger's notice arrives last and is listed first.
        var flagged = await submit.RunAsync(new IllegalContentNotice(["https://social.example/@kanal88/1", "https://social.example/@kanal88/2"],
            "Both posts display a banned organisation's symbols with a call to join it.", "StGB § 86a", null, "meldestelle@drw.example", true, "en"),
            new NoticeSender(NoticeSource.TrustedFlagger, flaggerActor, flagger.Id), ct);

        // A mass-reporting cluster: twelve notices against one activist's account in an afternoon.
        for (var i = 0; i < 12; i++)
        {
            await submit.RunAsync(new IllegalContentNotice([$"https://social.example/@greenriver_action/{900 + i}"],
                "This account spreads illegal propaganda and must be removed.", null, null, null, true, "en"), flow, ct);
        }

        // Three against a journalist on the at-risk registry: flagged at the lower bar; the notifiers see nothing of it.
        for (var i = 0; i < 3; i++)
        {
            await submit.FromPublicAsync(new IllegalContentNotice([$"https://social.example/@amira/{300 + i}"],
                "This journalist publishes lies about our country and insults the state.", "Penal Code art. 301", null, null, true, "tr"), ct);
        }

        // Decided: one linked to a moderation decision that followed a notice, one with no action.
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var puid = await db.ModerationDecisions.AsNoTracking().Where(d => d.SourceType == "SOURCE_ARTICLE_16").OrderBy(d => d.Puid).Select(d => d.Puid).FirstAsync(ct);
        await desk.DecideAsync(fromPublic.Id, NoticeOutcome.DecisionTaken, puid, "We removed the post: it incites violence against the people living in the named shelter.", reviewer, ct);
        var scam = await db.IllegalContentNotices.AsNoTracking().Where(n => n.Source == NoticeSource.Notifier && n.Language == "fr").Select(n => n.Id).FirstAsync(ct);
        await desk.DecideAsync(scam, NoticeOutcome.NoAction, null,
            "The listings had already been removed by the seller before we reviewed them; there is nothing left to act on.", reviewer, ct);

        // The platform reports its decision on the flagger's notice naming the notice: the notice closes, the flagger is told.
        const string flaggerPuid = "demo-flagger-notice-1";
        using var decision = JsonDocument.Parse($$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT","illegalContentLegalGround":"StGB § 86a",
             "illegalContentExplanation":"Symbols of a banned organisation with a call to join it.","contentType":["CONTENT_TYPE_TEXT"],
             "category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","territorialScope":["DE"],"contentDate":"2026-01-10","applicationDate":"2026-01-12",
             "decisionFacts":"Two posts showing the symbols of a banned organisation.","sourceType":"SOURCE_TRUSTED_FLAGGER","automatedDetection":"No",
             "automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{flaggerPuid}}","noticeId":"{{flagged.Reference}}","userLanguage":"en"}
            """);
        await sp.GetRequiredService<RecordDecisions>().RunAsync(
            new RecordDecisions.Request(ModerationDecisionReader.ReadBody(decision.RootElement), false, [flaggerPuid], platform), ct);
        // The Arabic notifier was told "no action" with a complaint code (in the demo mailbox) and complained: the
        // complaint waits for a person other than the notice's decider (sara, not tomas).
        var images = await db.IllegalContentNotices.AsNoTracking().Where(n => n.Source == NoticeSource.Notifier && n.Language == "ar").Select(n => n.Id).FirstAsync(ct);
        await desk.DecideAsync(images, NoticeOutcome.NoAction, null,
            "We could not find private images in the post you named; it shows a public street scene.", reviewer, ct);
        await sp.GetRequiredService<NoticeComplaints>().SubmitAsync(images,
            "الصور في الرد الثاني على المنشور، لا في المنشور نفسه. هي صوري الخاصة ونُشرت من دون موافقتي.", ct);
    }
}
