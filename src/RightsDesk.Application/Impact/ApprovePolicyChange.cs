using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>Writes a policy file the way the desk's policy editor does: parsed with the whole policy, written, reloaded, and a ledger event (<c>PolicyChanged</c>).</summary>
public interface IPolicyFileWriter
{
    /// <returns>The policy version now in force.</returns>
    Task<string> WriteAsync(string file, string content, string actor, CancellationToken ct);
}

/// <summary>
/// A second person approves a recommendation's policy change, and it is in force from then on. The change is made
/// again on the profile as it is now (so an edit made meanwhile is kept, not overwritten) and written through the
/// policy editor, so it is the same kind of policy change as any other, with its <c>PolicyChanged</c> event.
/// </summary>
public sealed class ApprovePolicyChange(ImpactStore store, PolicyProvider policy, IPolicyFileWriter writer, LedgerWriter ledger, TimeProvider clock)
{
    /// <returns>The policy version now in force, or null when the assessment has no such recommendation.</returns>
    /// <exception cref="ValidationFailedException">when it is not proposed, or the approver proposed it.</exception>
    public async Task<string?> ApproveAsync(Guid assessment, Guid recommendation, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        var row = await store.Db.ImpactRecommendations.FirstOrDefaultAsync(r => r.Id == recommendation && r.AssessmentId == assessment, ct);
        if (row is null)
        {
            return null;
        }

        var proposer = row.ProposedById is null ? Actor.Person(row.RecordedById, row.RecordedByName) : Actor.Person(row.ProposedById, row.ProposedByName ?? "");
        ImpactRecommendations.Refuse(RecommendationRules.CanApprove(row.State, proposer, by));
        var change = ImpactRecommendations.Change(row, policy.Directory, clock);
        row.State = RecommendationState.Approved;
        row.ApprovedById = by.Id;
        row.ApprovedByName = by.LedgerName;
        row.ApprovedAt = clock.GetUtcNow();
        row.PolicyVersion = change.Version;
        ledger.Record(new ImpactRecommendationApproved(assessment, row.Id, change.File, ImpactStore.Sha256(change.Content), change.Version), by, assessment.ToString());
        // The writer saves the ledger, and with it this row: the approval and the policy change are one transaction.
        return await writer.WriteAsync(change.File, change.Content, by.LedgerName, ct);
    }
}
