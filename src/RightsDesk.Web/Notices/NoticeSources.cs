using RightsDesk.Application.Notices;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Notices;

/// <summary>The notice job's view of the demand side: the policy in force and a case opened from its sealed record.</summary>
public sealed class NoticeSources(DemandCases demands, PolicyProvider policies) : INoticeSources
{
    public PolicySet Policy => policies.Current;

    public async Task<NoticeCase> OpenCaseAsync(Guid demandId, CancellationToken ct)
    {
        var record = await demands.FindAsync(demandId, ct) ?? throw new InvalidOperationException("A queued notice belongs to a stored demand.");
        var assessment = demands.Sealing.Assessment(record) ?? throw new InvalidOperationException("A queued notice belongs to an assessed demand.");
        var decision = await demands.CurrentDecisionOrNullAsync(record, ct) is var (_, d) ? d : (Decision?)null;
        return new NoticeCase(demands.Sealing.Demand(record), assessment, decision);
    }
}
