using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// Where the DSA report reads Art. 16 notices from (sheets 4 and 8: notices received, items, time to act, processed
/// by automated means). A notice store registers its own implementation; until one exists
/// <see cref="NoNoticeStore"/> answers that notices are not recorded, and the cells that need them are left empty
/// with the reason, rather than written as a zero that would claim no notice arrived.
/// </summary>
public interface IDsaNoticeSource
{
    /// <summary>The notices received in the period, or null when this installation records none.</summary>
    Task<IReadOnlyList<DsaNotice>?> NoticesAsync(ReportPeriod period, CancellationToken ct);
}

/// <summary>No notice store: notices are not recorded.</summary>
public sealed class NoNoticeStore : IDsaNoticeSource
{
    public Task<IReadOnlyList<DsaNotice>?> NoticesAsync(ReportPeriod period, CancellationToken ct) => Task.FromResult<IReadOnlyList<DsaNotice>?>(null);
}
