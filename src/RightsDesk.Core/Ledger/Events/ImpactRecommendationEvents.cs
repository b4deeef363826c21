using RightsDesk.Core.Demands;
using RightsDesk.Core.Impact;

namespace RightsDesk.Core.Ledger.Events;

/// <param name="Sha256">Of the reasons (free text stays out of the ledger).</param>
public sealed record ImpactRecommendationRecorded(Guid Assessment, Guid Recommendation, RecommendationKind Kind, string Country, IReadOnlyList<DemandKind> DemandKinds, int Risks, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactRecommendationRecorded;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("recommendation", Recommendation).Add("kind", Kind)
        .Add("country", Country).Add("demandKinds", string.Join(",", DemandKinds.Select(JsonNames.Of))).Add("risks", Risks).Add("sha256", Sha256);
}

/// <param name="Sha256">Of the policy file's proposed content.</param>
public sealed record ImpactRecommendationProposed(Guid Assessment, Guid Recommendation, string File, string Sha256, string PolicyVersion) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactRecommendationProposed;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("recommendation", Recommendation).Add("file", File)
        .Add("sha256", Sha256).Add("basedOn", PolicyVersion);
}

/// <param name="PolicyVersion">The version of the policy the approval put in force.</param>
public sealed record ImpactRecommendationApproved(Guid Assessment, Guid Recommendation, string File, string Sha256, string PolicyVersion) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactRecommendationApproved;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("recommendation", Recommendation).Add("file", File)
        .Add("sha256", Sha256).Add("policyVersion", PolicyVersion);
}
