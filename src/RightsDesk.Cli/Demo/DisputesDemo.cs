using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Disputes;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Disputes;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's out-of-court disputes (DSA Art. 21), one in each state: still with the body, and closed each way
/// (upheld, partially reversed, reversed, withdrawn, declined). Some follow a decided appeal and some went straight
/// to a body; they go through the same command as the desk and the API, so the ledger and a reversal's lift are real.
/// </summary>
public static class DisputesDemo
{
    private static readonly (string Body, string State, DisputeSide Side, DisputeOutcome? Outcome, string Reasons)[] Disputes =
    [
        ("Appeals Centre Europe", "IE", DisputeSide.User, null, ""),
        ("User Rights GmbH", "DE", DisputeSide.User, DisputeOutcome.Upheld, "The body found the post named a private person and called for them to be harmed; the removal stands."),
        ("Appeals Centre Europe", "IE", DisputeSide.Notifier, DisputeOutcome.PartiallyReversed, "The body agreed the post breached the terms but found a label enough, instead of removal."),
        ("ADROIT", "MT", DisputeSide.User, DisputeOutcome.Reversed, "The body found the image was the user's own photograph; the restriction is lifted."),
        ("User Rights GmbH", "DE", DisputeSide.User, DisputeOutcome.Withdrawn, "The user withdrew the referral after the platform restored the post."),
        ("Appeals Centre Europe", "IE", DisputeSide.User, DisputeOutcome.Declined, "The body declined: the same dispute was already before a court of the user's Member State."),
    ];

    public static async Task SeedAsync(IServiceProvider sp, Actor platform, Actor person, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var underReview = db.Appeals.Where(a => a.State != AppealState.Decided).Select(a => a.DecisionId);
        var decisions = await db.ModerationDecisions.AsNoTracking()
            .Where(d => d.DemandId == null && d.Puid.StartsWith("demo-post-") && !underReview.Contains(d.Id))
            .OrderByDescending(d => d.ApplicationDate).Select(d => new { d.Id, d.ApplicationDate }).Take(Disputes.Length).ToListAsync(ct);
        var referrals = sp.GetRequiredService<DisputeReferrals>();
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        for (var i = 0; i < decisions.Count; i++)
        {
            var (body, state, side, outcome, reasons) = Disputes[i];
            var referredOn = Later(decisions[i].ApplicationDate, 3, today);
            var actor = i % 2 == 0 ? platform : person;
            var dispute = await referrals.ReferAsync(decisions[i].Id, new ReferralInput(side, body, state, referredOn), actor, ct)
                ?? throw new InvalidOperationException("A demo decision to refer is missing.");
            if (outcome is { } o)
            {
                await referrals.RecordOutcomeAsync(dispute.Id, o, Later(referredOn, 20 + (i * 5), today), reasons, actor, ct);
            }
        }
    }

    private static DateOnly Later(DateOnly from, int days, DateOnly today) => from.AddDays(days) > today ? today : from.AddDays(days);
}
