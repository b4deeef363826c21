using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Appeals;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Appeals;

/// <summary>
/// Appeal codes for moderation decisions: the statement of reasons carries one, and the user types it on the public
/// appeal page instead of signing in. The code is returned once; only the SecretCodes lookup key and hash are kept.
/// </summary>
public sealed class AppealCodes(RightsDeskDbContext db, SecretCodes.SecretCodes codes, LedgerWriter ledger, TimeProvider clock)
{
    public const string Purpose = "appeal";

    /// <summary>Issues a code for a decision. Saved with the caller's unit of work when <paramref name="save"/> is false
    /// (the statement of reasons that carries it is saved with it).</summary>
    /// <returns>the code, or null when there is no such decision.</returns>
    public async Task<string?> IssueAsync(Guid decisionId, Actor actor, CancellationToken ct, bool save = true)
    {
        if (!await db.ModerationDecisions.AnyAsync(d => d.Id == decisionId, ct))
        {
            return null;
        }

        var issued = await codes.IssueAsync(Purpose);
        var now = clock.GetUtcNow();
        db.AppealCodes.Add(new AppealCodeRecord
        {
            Id = Guid.CreateVersion7(now), DecisionId = decisionId, IssuedAt = now,
            LookupKey = issued.Stored.LookupKey, Salt = issued.Stored.Salt, Hash = issued.Stored.Hash,
        });
        ledger.Record(new AppealCodeIssued(decisionId), actor, decisionId.ToString());
        if (save)
        {
            await ledger.SaveAsync(ct);
        }

        return issued.Code;
    }

    /// <summary>The decision a typed code opens, or why not (a wrong and an unknown code are answered alike).</summary>
    public async Task<(SecretCodeCheck Check, Guid? Decision)> OpenAsync(string typed, CancellationToken ct)
    {
        Guid? decision = null;
        var check = await codes.VerifyAsync(Purpose, typed ?? "", async (key, token) =>
        {
            var row = await db.AppealCodes.AsNoTracking().FirstOrDefaultAsync(c => c.LookupKey == key, token);
            decision = row?.DecisionId;
            return row is null ? null : new StoredCode(row.LookupKey, row.Salt, row.Hash);
        }, ct);
        return check == SecretCodeCheck.Accepted ? (check, decision) : (check, null);
    }
}
