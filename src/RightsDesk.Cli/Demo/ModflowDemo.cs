using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// Moderation after the decision, in the demo: a government restriction demand fulfilled into a decision the
/// platform reports it applied; a time-bound measure ended on its date by the job; a measure against someone on the
/// at-risk registry, confirmed by one person and waiting on the queue for the second.
/// </summary>
public static class ModflowDemo
{
    public const string DefenderHandle = "@demo-defender@social.example";

    public static async Task SeedAsync(IServiceProvider sp, Actor platform, Func<string, Actor> person, Func<string, Viewer> viewer, CancellationToken ct)
    {
        await FulfilARestrictionAsync(sp, platform, person, ct);
        await EndOneAsync(sp, platform, ct);
        await HoldForTwoAsync(sp, platform, person, viewer, ct);
    }

    private static async Task FulfilARestrictionAsync(IServiceProvider sp, Actor platform, Func<string, Actor> person, CancellationToken ct)
    {
        var cases = sp.GetRequiredService<DemandCases>();
        var decided = await cases.Db.Demands.AsNoTracking()
            .Where(d => d.Kind == DemandKind.ContentRestriction && d.State == DemandState.Decided)
            .OrderBy(d => d.ReceivedAt).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in decided)
        {
            var record = (await cases.FindAsync(id, ct))!;
            var (_, decision) = await cases.CurrentDecisionAsync(record, ct);
            if (decision.Outcome != Recommendation.RestrictInJurisdiction)
            {
                continue;
            }

            try
            {
                await sp.GetRequiredService<Fulfil>().RunAsync(record, person("alice"), ct);
            }
            catch (WorkflowException)
            {
                // A notice still owed before anything is carried out: another case will do.
                cases.Db.ChangeTracker.Clear();
                continue;
            }

            var report = sp.GetRequiredService<ReportApplied>();
            foreach (var puid in await cases.Db.ModerationDecisions.AsNoTracking().Where(r => r.DemandId == id && r.State == ModerationState.Active).Select(r => r.Puid).ToListAsync(ct))
            {
                await report.RunAsync(puid, PlatformResult.Applied, null, platform, ct);
            }

            return;
        }
    }

    private static async Task EndOneAsync(IServiceProvider sp, Actor platform, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var d = Decision("demo-timebound-00001", today.AddDays(-40), "@demo-timebound@social.example");
        d["endDateVisibilityRestriction"] = Day(today.AddDays(-10));
        await RecordAsync(sp, d, platform, ct);
        await sp.GetRequiredService<EndMeasures>().RunAsync(1000, ct);
    }

    private static async Task HoldForTwoAsync(IServiceProvider sp, Actor platform, Func<string, Actor> person, Func<string, Viewer> viewer, CancellationToken ct)
    {
        var registry = sp.GetRequiredService<AtRiskRegistry>();
        var entry = new AtRiskEntry([new(IdentifierKind.Handle, DefenderHandle)], "journalist", AtRiskSource.Staff, true,
            DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime), null, AtRiskVisibility.LeadAndResponders, null, null);
        var proposal = await registry.ProposeAsync(entry, person("ivan"), ct);
        if (proposal.Created)
        {
            await registry.ApproveAsync(proposal.Id, viewer("hana"), ct);
        }

        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await RecordAsync(sp, Decision("demo-atrisk-00001", today.AddDays(-1), DefenderHandle), platform, ct);
        var id = await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(r => r.Puid == "demo-atrisk-00001").Select(r => r.Id).SingleAsync(ct);
        await sp.GetRequiredService<ModerationReview>().ConfirmAsync(id, person("tomas"), ct);
    }

    private static async Task RecordAsync(IServiceProvider sp, JsonObject decision, Actor platform, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(decision.ToJsonString());
        var items = ModerationDecisionReader.ReadBody(doc.RootElement);
        if (items[0].Errors.Count > 0)
        {
            throw new InvalidOperationException("A demo decision does not pass the reader: " + string.Join("; ", items[0].Errors.Select(e => e.Field + " " + e.Message)));
        }

        await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(items, false, [items[0].Value!.Puid], platform), ct);
    }

    private static JsonObject Decision(string puid, DateOnly applied, string account) => new()
    {
        ["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_DEMOTED"),
        ["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        ["incompatibleContentGround"] = "Community guidelines 4 (harassment)",
        ["incompatibleContentExplanation"] = "Replies that pile on one person, demoted for a month.",
        ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
        ["category"] = "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        ["categorySpecification"] = new JsonArray("KEYWORD_CYBER_HARASSMENT"),
        ["territorialScope"] = new JsonArray("GLOBAL"),
        ["contentLanguage"] = "EN",
        ["contentDate"] = Day(applied.AddDays(-1)),
        ["applicationDate"] = Day(applied),
        ["decisionFacts"] = "Demo: a thread of replies reviewed against the harassment rule.",
        ["sourceType"] = "SOURCE_VOLUNTARY",
        ["automatedDetection"] = "No",
        ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["puid"] = puid,
        ["userLanguage"] = "en",
        ["account"] = account,
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
