using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Appeals;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's appeals, in every state: waiting for a reviewer, with a reviewer, and decided each way (upheld,
/// reversed, modified), from the public page and from the platform's own flow. They go through the same commands as
/// the desk and the API, so the ledger, the sealed texts and the outcome messages are the real ones.
/// </summary>
public static class AppealsDemo
{
    private static readonly (AppealChannel Channel, string Language, AppealState State, AppealOutcome? Outcome, string Statement)[] Appeals =
    [
        (AppealChannel.Public, "en", AppealState.Open, null, "The post quoted a news report to criticise it; it did not endorse what it quoted."),
        (AppealChannel.Platform, "fr", AppealState.Open, null, "Ce message est une satire, signalée comme telle dans le profil du compte."),
        (AppealChannel.Public, "ar", AppealState.Assigned, null, "المنشور توثيق لانتهاك وقع في حيّنا، وليس تحريضًا على أحد."),
        (AppealChannel.Public, "es", AppealState.Decided, AppealOutcome.Upheld, "El enlace era a mi propia tienda y no a un sitio fraudulento."),
        (AppealChannel.Platform, "en", AppealState.Decided, AppealOutcome.Reversed, "The image is my own photograph; the copyright claim came from someone else."),
        (AppealChannel.Public, "tr", AppealState.Decided, AppealOutcome.Modified, "Gönderi bir seçim haberini aktarıyordu; kaldırmak yerine etiketlenebilirdi."),
    ];

    public static async Task SeedAsync(IServiceProvider sp, Actor platform, Actor reviewer, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var decisions = await db.ModerationDecisions.AsNoTracking()
            .Where(d => d.DemandId == null && d.Puid.StartsWith("demo-post-"))
            .OrderByDescending(d => d.ApplicationDate).Select(d => d.Id).Take(Appeals.Length).ToListAsync(ct);
        var submit = sp.GetRequiredService<SubmitAppeal>();
        var review = sp.GetRequiredService<AppealReview>();
        var appellant = Actor.System("public-appeal");
        for (var i = 0; i < decisions.Count; i++)
        {
            var (channel, language, state, outcome, statement) = Appeals[i];
            var input = new AppealInput(statement, i % 2 == 0 ? "A link to the original report is in my profile." : null, language, null);
            var appeal = await submit.ByDecisionAsync(decisions[i], input, channel, channel == AppealChannel.Public ? appellant : platform, ct)
                ?? throw new InvalidOperationException("A demo decision to appeal against is missing.");
            if (state == AppealState.Open)
            {
                continue;
            }

            await review.AssignAsync(appeal.Id, reviewer, reviewer, ct);
            if (outcome is { } o)
            {
                await review.DecideAsync(appeal.Id, o, Reasons(o), reviewer, ct);
            }
        }
    }

    private static string Reasons(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Upheld => "The link led to a page that asked for card details under another shop's name; the removal stands.",
        AppealOutcome.Reversed => "The account showed the original file and its date; the post is restored and the restriction lifted.",
        _ => "The post reported the news rather than spreading it: it is restored with a label instead of being removed.",
    };
}
