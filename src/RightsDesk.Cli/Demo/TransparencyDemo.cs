using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Transparency;
using RightsDesk.Core.Transparency;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Cli.Demo;

/// <summary>The demo publishes the transparency reports its seeded demands fall in (the current half-year and the
/// one before), so the public transparency page has reports, tables and charts to show.</summary>
public static class TransparencyDemo
{
    public static async Task PublishAsync(IServiceProvider sp, CancellationToken ct)
    {
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var current = new ReportPeriod(now.Year, now.Month <= 6 ? 1 : 2);
        var previous = current.Half == 1 ? new ReportPeriod(now.Year - 1, 2) : new ReportPeriod(now.Year, 1);
        var heads = new LedgerReportHeads(sp.GetRequiredService<TreeHeadService>());
        var threshold = sp.GetRequiredService<PolicyProvider>().Current.Operator.Transparency.SmallNumberThreshold;
        foreach (var period in new[] { previous, current })
        {
            await sp.GetRequiredService<PublishReport>().PublishAsync(period, threshold, Core.Cases.Actor.System("demo"), heads, null, ct);
        }
    }
}
