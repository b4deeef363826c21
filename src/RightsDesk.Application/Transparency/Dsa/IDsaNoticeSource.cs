using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// Where the DSA report reads Art. 16 notices from (sheets 4 and 8: notices received, items, time to act, processed
/// by automated means). <see cref="StoredNoticeSource"/> reads them from the notice store; an
/// implementation that answers null says notices are not recorded, and the cells that need them are then left empty
/// with the reason, rather than written as a zero that would claim no notice arrived.
/// </summary>
public interface IDsaNoticeSource
{
    /// <summary>The notices received in the period, or null when this installation records none.</summary>
    Task<IReadOnlyList<DsaNotice>?> NoticesAsync(ReportPeriod period, CancellationToken ct);
}
