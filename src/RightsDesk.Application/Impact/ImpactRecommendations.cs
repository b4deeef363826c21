using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Policy;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Policy;

namespace RightsDesk.Application.Impact;

/// <summary>A recommendation and where its policy change stands: recorded, proposed (by whom) or approved and in force (by whom, in which policy version).</summary>
public sealed record RecommendationView(
    Guid Id, RecommendationKind Kind, string Country, IReadOnlyList<DemandKind> DemandKinds, string Reasons, IReadOnlyList<Guid> Risks,
    RecommendationState State, string RecordedBy, DateTimeOffset RecordedAt, string? PolicyFile, string? OverrideId,
    string? ProposedBy, DateTimeOffset? ProposedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? PolicyVersion);

/// <summary>
/// Record what an assessment recommends for a market, and propose it as a policy change: the jurisdiction profile
/// with the change is parsed together with the whole policy before anything is stored, so a proposal that would
/// break the policy is refused at once. Approval (by someone else) is <see cref="ApprovePolicyChange"/>.
/// </summary>
public sealed class ImpactRecommendations(ImpactStore store, PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid?> RecordAsync(Guid assessment, RecommendationInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(by);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        await store.EnsureRisksAsync(assessment, input.Risks, "risks", ct);
        if (!policy.Current.HasProfile(input.Country))
        {
            throw new ValidationFailedException([new FieldError("country", "The policy has no jurisdiction profile for this country, so there is nothing to change.")]);
        }

        var now = clock.GetUtcNow();
        var row = new ImpactRecommendationRecord
        {
            Id = Guid.CreateVersion7(now), AssessmentId = assessment, Kind = input.Kind, Country = input.Country, DemandKindsJson = ImpactStore.Json(input.DemandKinds),
            Reasons = input.Reasons, RisksJson = ImpactStore.Json(input.Risks), State = RecommendationState.Recorded, RecordedById = by.Id, RecordedByName = by.LedgerName, RecordedAt = now,
        };
        store.Db.ImpactRecommendations.Add(row);
        ledger.Record(new ImpactRecommendationRecorded(assessment, row.Id, input.Kind, input.Country, input.DemandKinds, input.Risks.Count, ImpactStore.Sha256(input.Reasons)), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }

    /// <returns>False when the assessment has no such recommendation.</returns>
    /// <exception cref="ValidationFailedException">when it was already proposed, or the change would not parse.</exception>
    public async Task<bool> ProposeAsync(Guid assessment, Guid recommendation, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        var row = await store.Db.ImpactRecommendations.FirstOrDefaultAsync(r => r.Id == recommendation && r.AssessmentId == assessment, ct);
        if (row is null)
        {
            return false;
        }

        Refuse(RecommendationRules.CanPropose(row.State));
        var change = Change(row, policy.Directory, clock);
        row.State = RecommendationState.Proposed;
        row.PolicyFile = change.File;
        row.ProposedSha256 = ImpactStore.Sha256(change.Content);
        row.ProposedById = by.Id;
        row.ProposedByName = by.LedgerName;
        row.ProposedAt = clock.GetUtcNow();
        ledger.Record(new ImpactRecommendationProposed(assessment, row.Id, change.File, row.ProposedSha256, policy.Current.Version), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<RecommendationView>?> ListAsync(Guid assessment, CancellationToken ct)
    {
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        var rows = await store.Db.ImpactRecommendations.AsNoTracking().Where(r => r.AssessmentId == assessment).OrderBy(r => r.RecordedAt).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>Every recommendation waiting for a second person's approval, oldest first, with its assessment's title.</summary>
    public async Task<IReadOnlyList<(Guid Assessment, string Title, RecommendationView Recommendation)>> ProposedAsync(CancellationToken ct)
    {
        var rows = await store.Db.ImpactRecommendations.AsNoTracking().Where(r => r.State == RecommendationState.Proposed)
            .Join(store.Db.ImpactAssessments.AsNoTracking(), r => r.AssessmentId, a => a.Id, (r, a) => new { r, a.Title }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.ProposedAt).Select(x => (x.r.AssessmentId, x.Title, View(x.r))).ToList();
    }

    public static RecommendationView View(ImpactRecommendationRecord r) => new(
        r.Id, r.Kind, r.Country, ImpactStore.Read<List<DemandKind>>(r.DemandKindsJson), r.Reasons, ImpactStore.Read<List<Guid>>(r.RisksJson), r.State,
        r.RecordedByName, r.RecordedAt, r.PolicyFile, r.Kind == RecommendationKind.LeaveMarket ? null : RecommendationPolicyEdit.OverrideId(r.Id),
        r.ProposedByName, r.ProposedAt, r.ApprovedByName, r.ApprovedAt, r.PolicyVersion);

    /// <summary>The profile as the recommendation changes it, checked against the whole policy (the file and its content, and the version it gives).</summary>
    internal static (string File, string Content, string Version) Change(ImpactRecommendationRecord row, string directory, TimeProvider clock)
    {
        var file = RecommendationPolicyEdit.File(row.Country);
        var files = PolicyDirectory.ReadFiles(directory);
        if (!files.TryGetValue(file, out var current))
        {
            throw new ValidationFailedException([new FieldError("country", "The policy has no jurisdiction profile for this country, so there is nothing to change.")]);
        }

        var input = new RecommendationInput(row.Kind, row.Country, ImpactStore.Read<List<DemandKind>>(row.DemandKindsJson), row.Reasons, ImpactStore.Read<List<Guid>>(row.RisksJson));
        var content = RecommendationPolicyEdit.Apply(current, row.AssessmentId, row.Id, input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        files[file] = content;
        try
        {
            return (file, content, PolicySet.Parse(files).Version);
        }
        catch (PolicyException e)
        {
            throw new ValidationFailedException([new FieldError("recommendation", "The policy with this change would not be valid: " + e.Message)]);
        }
    }

    internal static void Refuse(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
