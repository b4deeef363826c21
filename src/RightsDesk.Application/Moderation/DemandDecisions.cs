using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>
/// Fulfilling a restriction demand makes its moderation decisions: one per target, through the same reader and
/// store as the platform's <c>POST /api/v1/moderation/decisions</c>, sourced to the government demand, with the legal
/// ground the demand gives and only the territories the decision allowed. Those the ladder lets through are sent
/// to the platform to apply (signed webhook, through the outbox); held ones wait for the desk. All of it joins the
/// fulfilment's unit of work.
/// </summary>
public sealed class DemandDecisions(RightsDeskDbContext db, RecordDecisions record, PlatformInstructions instructions, IPlatformConnector connector, TimeProvider clock)
{
    public async Task<IReadOnlyList<DecisionResult>> StageAsync(Guid demandId, Demand demand, Decision decision, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        var languages = new Dictionary<int, string>();
        foreach (var i in decision.AuthorisedTargets)
        {
            if (await connector.ContactAsync(demand.Targets[i], ct) is { } contact)
            {
                languages[i] = contact.Language;
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bodies = DemandRestrictions.For(demandId, demand, decision, today, languages);
        if (bodies.Count == 0)
        {
            return [];
        }

        var items = bodies.Select((b, n) =>
        {
            using var doc = JsonDocument.Parse(b.Body.ToJsonString());
            var input = new JsonInput();
            var value = ModerationDecisionReader.Read(input, doc.RootElement, "");
            // The desk wrote these itself; a refusal is a bug in the mapping, never the user's to fix.
            return input.HasErrors
                ? throw new InvalidOperationException("A decision made from a demand does not pass the reader: " + string.Join("; ", input.Errors.Select(e => e.Field)))
                : new BatchItem<ModerationDecision>(n, value, []);
        }).ToList();
        var targets = bodies.ToDictionary(b => DemandRestrictions.Puid(demandId, b.TargetIndex), b => demand.Targets[b.TargetIndex], StringComparer.Ordinal);
        var results = await record.StageAsync(new RecordDecisions.Request(items, true, items.Select(i => i.Value!.Puid).ToList(), actor), ct, targets);

        foreach (var created in results.Where(r => r is { Status: DecisionStatus.Created, Action: ModerationAction.Apply }))
        {
            var row = db.ModerationDecisions.Local.Single(r => r.Puid == created.Puid);
            await instructions.ApplyAsync(row, items[created.Index].Value!, ct);
        }

        return results;
    }

    /// <summary>The decisions a demand came to, for its page: state, and what the platform reported.</summary>
    public async Task<IReadOnlyList<ModerationDecisionRecord>> OfDemandAsync(Guid demandId, CancellationToken ct) =>
        await db.ModerationDecisions.AsNoTracking().Where(r => r.DemandId == demandId).OrderBy(r => r.Puid).ToListAsync(ct);
}
