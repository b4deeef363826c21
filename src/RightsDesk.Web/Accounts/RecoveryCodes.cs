using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// Recovery codes: ten, issued when enrolment completes and shown once, each good for one sign-in in place of the
/// authenticator code (the password is still needed). They are the secret codes of Application/SecretCodes: five
/// diceware words, found by an HMAC under the key ring's index key and checked against a salted Argon2id hash, so a
/// copy of the database cannot test guesses. Enrolling again replaces them.
/// </summary>
public sealed class RecoveryCodes(RightsDeskDbContext db, SecretCodes codes, LedgerWriter ledger, TimeProvider clock)
{
    public const int Count = 10;
    public const int Words = 5;
    private const string Purpose = "recovery";

    /// <summary>A typed code with a letter in it is a recovery code; an authenticator code is digits only.</summary>
    public static bool LooksLikeOne(string? typed) => (typed ?? "").Any(char.IsLetter);

    /// <summary>New codes for the account (old ones are deleted), saved with the caller's next save.</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(DeskUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.UserId == user.Id).ToListAsync(ct));
        var now = clock.GetUtcNow();
        var shown = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            var issued = await codes.IssueAsync(Purpose, Words);
            db.RecoveryCodes.Add(new RecoveryCodeRecord
            {
                Id = Guid.CreateVersion7(now), UserId = user.Id, LookupKey = issued.Stored.LookupKey, Salt = issued.Stored.Salt, Hash = issued.Stored.Hash, IssuedAt = now,
            });
            shown.Add(issued.Code);
        }

        ledger.Record(new RecoveryCodesIssued(Count), user.UserName!, user.Id);
        return shown;
    }

    /// <summary>The unused code of this account that was typed, or null. Costs the same Argon2 work either way.</summary>
    public async Task<Guid?> MatchAsync(DeskUser? user, string typed, CancellationToken ct)
    {
        Guid? found = null;
        var check = await codes.VerifyAsync(Purpose, typed, async (lookup, token) =>
        {
            if (user is null)
            {
                return null;
            }

            var row = await db.RecoveryCodes.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == user.Id && c.LookupKey == lookup && c.UsedAt == null, token);
            found = row?.Id;
            return row is null ? null : new StoredCode(row.LookupKey, row.Salt, row.Hash);
        }, ct);
        return check == SecretCodeCheck.Accepted ? found : null;
    }

    /// <summary>
    /// Uses the code up: one conditional update, so two sign-ins racing with one code cannot both win. Returns how many
    /// codes remain, or null when another request used it first. The event is saved with the caller's next save.
    /// </summary>
    public async Task<int?> UseAsync(DeskUser user, Guid codeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var taken = await db.RecoveryCodes.Where(c => c.Id == codeId && c.UserId == user.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (taken != 1)
        {
            return null;
        }

        var remaining = await RemainingAsync(user.Id, ct);
        ledger.Record(new RecoveryCodeUsed(remaining), user.UserName!, user.Id);
        return remaining;
    }

    public Task<int> RemainingAsync(string userId, CancellationToken ct) => db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);
}
