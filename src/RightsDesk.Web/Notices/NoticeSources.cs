// The demand code still reaches the notice planner through this host's namespace: DemandService (being replaced by
// commands) names it without a using of its own.
global using RightsDesk.Application.Notices;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;
using RightsDesk.Data;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Notices;

/// <summary>The notice job's view of the demand side: the policy in force and a case opened from its sealed record.</summary>
public sealed class NoticeSources(RightsDeskDbContext db, DemandService demands, PolicyProvider policies) : INoticeSources
{
    public PolicySet Policy => policies.Current;

    public async Task<NoticeCase> OpenCaseAsync(Guid demandId, CancellationToken ct)
    {
        var record = await db.Demands.AsNoTracking().FirstAsync(d => d.Id == demandId, ct);
        var assessment = demands.OpenAssessment(record) ?? throw new InvalidOperationException("A queued notice belongs to an assessed demand.");
        Decision? decision = null;
        if (await db.Decisions.AnyAsync(d => d.DemandId == record.Id && !d.Superseded, ct))
        {
            decision = (await demands.CurrentDecision(record, ct)).Decision;
        }

        return new NoticeCase(demands.Open(record), assessment, decision);
    }
}
