using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Application.Misuse;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's Art. 23 measures, each through the same commands as the desk and the API:
/// <list type="bullet">
/// <item>a notifier whose six notices were all unfounded, warned, suspended by tomas and confirmed by sara; their next
/// notice is kept and not processed;</item>
/// <item>an account with five removals for manifestly illegal content, warned by the platform, whose suspension the
/// platform proposed and which waits on /desk/misuse for a person to confirm or decline;</item>
/// <item>an account warned for unfounded appeals, and a proposal about another notifier that sara declined.</item>
/// </list>
/// </summary>
public static class MisuseDemo
{
    public const string Notifier = "mass.reporter@example.net";
    public const string Account = "@repeat-poster@social.example";

    public static async Task SeedAsync(IServiceProvider sp, Actor platform, Func<string, Actor> person, CancellationToken ct)
    {
        var (tomas, sara) = (person("tomas"), person("sara"));
        var submit = sp.GetRequiredService<SubmitNotice>();
        var notices = sp.GetRequiredService<NoticeDesk>();
        for (var i = 0; i < 6; i++)
        {
            var receipt = await submit.FromPublicAsync(new IllegalContentNotice([$"https://news.example/2026/report-{i}"],
                "This news report is terrorist propaganda and must be removed at once.", null, "M. Reporter", Notifier, true, "en"), ct);
            await notices.DecideAsync(receipt.Id, NoticeOutcome.NoAction, null, "The report is lawful journalism about a court case; it praises nobody.", tomas, ct);
        }

        var desk = sp.GetRequiredService<MisuseDesk>();
        var suspensions = sp.GetRequiredService<MisuseSuspensions>();
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var notifier = new MisuseRequest(MisuseKind.UnfoundedNotices, MisuseParty.Notifier, Notifier,
            "All six of your recent notices named lawful news reports as terrorist content; none of them was. Please notify only content you believe in good faith to be illegal.", "en");
        await desk.WarnAsync(notifier, tomas, ct);
        var proposal = await desk.ProposeAsync(notifier with { Until = today.AddDays(30) }, tomas, ct);
        await suspensions.ConfirmAsync(proposal.Id, sara, ct);
        await submit.FromPublicAsync(new IllegalContentNotice(["https://news.example/2026/report-7"],
            "Another terrorist report that must go.", null, "M. Reporter", Notifier, true, "en"), ct);

        await PostAsync(sp, platform, ct);
        var account = new MisuseRequest(MisuseKind.IllegalContent, MisuseParty.Account, Account,
            "Five of your posts in the last month called for violence against a named group and were removed as manifestly illegal under StGB § 130.", "tr");
        await desk.WarnAsync(account, platform, ct);
        await desk.ProposeAsync(account with { Until = today.AddDays(14) }, platform, ct);

        // The account behind a demo appeal that left its decision standing (ModerationDemo names accounts by the puid's number).
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var upheld = await db.Appeals.AsNoTracking().Where(a => a.Outcome == AppealOutcome.Upheld)
            .Join(db.ModerationDecisions.AsNoTracking().Where(d => d.Puid.StartsWith("demo-post-")), a => a.DecisionId, d => d.Id, (a, d) => d.Puid).FirstAsync(ct);
        var appellant = "@demo-user-" + (int.Parse(upheld["demo-post-".Length..], CultureInfo.InvariantCulture) % 40).ToString(CultureInfo.InvariantCulture) + "@social.example";
        await desk.WarnAsync(new MisuseRequest(MisuseKind.UnfoundedComplaints, MisuseParty.Account, appellant,
            "You sent many appeals in a few days repeating one text about decisions on spam; each was looked at and none gave a reason.", "es"), tomas, ct);
        var other = new MisuseRequest(MisuseKind.UnfoundedNotices, MisuseParty.Notifier, "busy.flagger@example.org",
            "Most of your notices about counterfeit listings did not show the listings were counterfeit.", "fr");
        await desk.WarnAsync(other, tomas, ct);
        var declined = await desk.ProposeAsync(other with { Until = today.AddDays(10) }, tomas, ct);
        await suspensions.DeclineAsync(declined.Id, "Most of these notices were right; a warning is enough for now.", sara, ct);
    }

    /// <summary>Five removals of the account's posts for illegal content, as the platform reports them.</summary>
    private static async Task PostAsync(IServiceProvider sp, Actor platform, CancellationToken ct)
    {
        var applied = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-3);
        var day = applied.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = string.Join(",", Enumerable.Range(1, 5).Select(i => $$"""
            {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT","illegalContentLegalGround":"StGB § 130",
             "illegalContentExplanation":"A call to violence against a group.","contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
             "territorialScope":["DE"],"contentDate":"{{day}}","applicationDate":"{{day}}","decisionFacts":"A post calling for violence against a named group.",
             "sourceType":"SOURCE_VOLUNTARY","automatedDetection":"No","automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"demo-repeat-{{i}}",
             "userLanguage":"tr","account":"{{Account}}"}
            """));
        using var doc = JsonDocument.Parse("{\"decisions\":[" + items + "]}");
        var read = ModerationDecisionReader.ReadBody(doc.RootElement);
        await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(read, true, [.. Enumerable.Range(1, 5).Select(i => (string?)("demo-repeat-" + i))], platform), ct);
    }
}
