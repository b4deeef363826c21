using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Web.Partners;

/// <summary>
/// Ending a trusted partner's standing takes two people, as admitting it did: one proposes with a reason, another
/// confirms. On confirmation the partner's account is disabled (its sessions end; its tokens stop working, since a
/// person's token is refused for a disabled account), so it can no longer sign in or flag; its past flags and their
/// outcomes stay.
/// </summary>
public sealed class PartnerRevocation(RightsDeskDbContext db, AccountService accounts, LedgerWriter ledger, TimeProvider clock)
{
    public const int MinReason = 10;
    public const int MaxReason = 500;

    /// <summary>False when there is no such partner or it is already revoked.</summary>
    /// <exception cref="WorkflowException">when the reason is missing or a proposal already waits.</exception>
    public async Task<bool> ProposeAsync(Guid partnerId, string? reason, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        FourEyes.EnsureMayDecide(by);
        var why = (reason ?? "").Trim();
        if (why.Length is < MinReason or > MaxReason)
        {
            throw new WorkflowException($"Say why the partner's standing should end, in {MinReason} to {MaxReason} characters; the second person reads it.");
        }

        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null || partner.RevokedAt is not null)
        {
            return false;
        }

        if (partner.RevocationProposedById is not null)
        {
            throw new WorkflowException("Ending this partner's standing is already proposed; a second person confirms it.");
        }

        partner.RevocationProposedBy = by.LedgerName;
        partner.RevocationProposedById = by.Id;
        partner.RevocationProposedAt = clock.GetUtcNow();
        partner.RevocationReason = why;
        ledger.Record(new PartnerRevocationProposed(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(why)))), by, partnerId.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>False when there is no such partner, it is already revoked, or nothing was proposed.</summary>
    /// <exception cref="WorkflowException">when the person who proposed it tries to confirm it.</exception>
    public async Task<bool> ConfirmAsync(Guid partnerId, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        FourEyes.EnsureMayDecide(by);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null || partner.RevokedAt is not null || partner.RevocationProposedById is not { } proposer)
        {
            return false;
        }

        if (string.Equals(proposer, by.Id, StringComparison.Ordinal))
        {
            throw new WorkflowException("Nobody confirms their own proposal: another person must confirm that the partner's standing ends.");
        }

        // The account first (its own transaction, with AccountDisabled): should the second save fail, the partner is
        // locked out with the proposal still open, which errs on the safe side.
        await accounts.SetDisabledAsync(partner.UserId, true, by.LedgerName, ct);
        partner.RevokedAt = clock.GetUtcNow();
        partner.RevokedBy = by.LedgerName;
        ledger.Record(new PartnerRevoked(partner.RevocationProposedBy ?? ""), by, partnerId.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }
}
