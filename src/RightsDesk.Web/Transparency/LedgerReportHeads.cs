using RightsDesk.Application.Transparency;
using RightsDesk.Web.Ledger;

namespace RightsDesk.Web.Transparency;

/// <summary>A report's tree head is a fresh one from the tree-head service: signed only over a ledger that extends
/// the last signed head, so a report is never computed at a rewritten history.</summary>
public sealed class LedgerReportHeads(TreeHeadService heads) : IReportTreeHead
{
    public async Task<ReportTreeHead> IssueAsync(string issuedBy, CancellationToken ct)
    {
        var head = await heads.IssueAsync(issuedBy, onlyIfGrown: false, ct)
            ?? throw new InvalidOperationException("The tree-head service issued no head.");
        return new ReportTreeHead(head.TreeSize, Convert.ToHexStringLower(head.RootHash), head.Timestamp, Convert.ToBase64String(head.Signature), head.KeyId);
    }
}
