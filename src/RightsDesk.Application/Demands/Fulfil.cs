using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Notices;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>
/// Carries out a final decision: builds the disclosure package from exactly what was authorised, fetching the
/// platform's data through the connector, or asks the platform to preserve records; seals the result with the case.
/// A before-disclosure notice must have been delivered first. A restriction is carried out here, not at the decision:
/// only now are the approvals complete and the before-disclosure notice delivered, and fulfilment happens once, so
/// the moderation decisions for its targets are made in this unit of work and the platform is told to apply them.
/// </summary>
public sealed class Fulfil(DemandCases cases, NoticePlanner notices, IPlatformConnector connector, Deadlines.Deadlines deadlines, Moderation.DemandDecisions restrictions)
{
    public async Task<DisclosurePackageRecord> RunAsync(DemandRecord record, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (row, decision) = await cases.CurrentDecisionAsync(record, ct);
        Workflow.Next(record.State, WorkflowAction.Fulfil, decision.Outcome);
        if (decision.NeedsApproval)
        {
            await notices.EnsureNoticeAllowsFulfilment(record, ct);
        }

        var demand = cases.Sealing.Demand(record);
        var now = cases.Now;
        var manifest = DisclosureManifest.From(record.Id, row.Id, demand, decision, now);
        var items = new List<DisclosureItem>();
        if (decision.Outcome is Recommendation.Preserve)
        {
            // Preservation freezes records at the platform; nothing is fetched, so nothing can leave.
            var days = cases.Sealing.Assessment(record)?.Preservation?.Days ?? 90;
            foreach (var i in decision.AuthorisedTargets)
            {
                var reference = await connector.PreserveAsync(demand.Targets[i], decision.AuthorisedCategories, days, ct);
                items.Add(new DisclosureItem(i, (decision.AuthorisedCategories.Count > 0 ? decision.AuthorisedCategories[0] : default), true, "text/plain", "preserved: " + reference));
            }
        }
        else
        {
            foreach (var entry in manifest.Entries)
            {
                items.Add(await connector.FetchAsync(demand.Targets[entry.TargetIndex], entry.Category, demand.DateRange, decision.Outcome, ct) with { TargetIndex = entry.TargetIndex });
            }
        }

        var package = new DisclosurePackage(manifest, items);
        var id = Guid.CreateVersion7(now);
        var manifestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(manifest, JsonNames.Options)));
        cases.Db.DisclosurePackages.Add(new DisclosurePackageRecord
        {
            Id = id, DemandId = record.Id, DecisionId = row.Id, CreatedAt = now, CreatedBy = actor.LedgerName, ItemCount = items.Count,
            ManifestSha256 = manifestHash,
            SealedPackage = cases.Sealing.SealJson(cases.Sealing.Key(record), id, "package", package),
        });
        cases.Step(record, WorkflowAction.Fulfil, actor, now, null, decided: decision.Outcome);
        cases.Record(new DisclosurePackageCreated(id, manifestHash, items.Count, decision.Outcome, DemandCases.Dimensions(record)), actor, record);
        if (decision.Outcome is Recommendation.RestrictInJurisdiction)
        {
            await restrictions.StageAsync(record.Id, demand, decision, actor, ct);
        }

        notices.OnFulfilled(record, now);
        await deadlines.MeetAsync(CaseKind.Demand, record.Id, CreateDemand.ResponseStep, ct);
        await cases.SaveAsync(ct);
        return await cases.Db.DisclosurePackages.AsNoTracking().FirstAsync(p => p.Id == id, ct);
    }

    /// <summary>Opens a package of the demand; the read is a ledger event.</summary>
    public async Task<DisclosurePackage?> ReadAsync(DemandRecord record, Guid packageId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = await cases.Db.DisclosurePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId && p.DemandId == record.Id, ct);
        if (row is null)
        {
            return null;
        }

        cases.Record(new DisclosurePackageRead(packageId), actor, record);
        await cases.Ledger.SaveAsync(ct);
        return cases.Sealing.OpenJson<DisclosurePackage>(cases.Sealing.Key(record), row.Id, "package", row.SealedPackage);
    }
}
