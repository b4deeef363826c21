using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>
/// The platform reports that it applied a measure it was told to apply, or that applying it failed (with what went
/// wrong, sealed; its hash in the ledger). The desk's decision page and the demand's page show the last report.
/// Only the platform's systems report: a person's word that a server did something is not the server's record.
/// </summary>
public sealed class ReportApplied(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxFailure = 2000;

    /// <returns>the decision as it now stands, or null when no decision has this puid.</returns>
    /// <exception cref="ValidationFailedException">when a failure comes without its description, or is too long.</exception>
    /// <exception cref="WorkflowException">when the actor is not a machine, or the measure is not one to apply.</exception>
    public async Task<ModerationDecisionRecord?> RunAsync(string puid, PlatformResult result, string? failure, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = failure?.Trim();
        if (result == PlatformResult.Failed && (text is null || text.Length is < 3 or > MaxFailure))
        {
            throw new ValidationFailedException([new FieldError("failure", $"Say what went wrong (3 to {MaxFailure} characters): the desk follows it up.")]);
        }

        if (result == PlatformResult.Applied && text is not null)
        {
            throw new ValidationFailedException([new FieldError("failure", "A measure that was applied has no failure; leave failure out.")]);
        }

        var record = await db.ModerationDecisions.FirstOrDefaultAsync(r => r.Puid == puid, ct);
        if (record is null)
        {
            return null;
        }

        if (actor.Kind != ActorKind.Machine)
        {
            throw new WorkflowException("Only the platform's systems report that a measure was applied; use a machine's token.");
        }

        if (record.State != ModerationState.Active)
        {
            throw new WorkflowException("This measure is " + JsonNames.Of(record.State) + ", not one to apply: do not apply a measure that is held, lifted or ended.");
        }

        record.PlatformResult = result;
        record.PlatformReportedAt = clock.GetUtcNow();
        string? hash = null;
        if (text is not null)
        {
            record.SealedPlatformFailure = cipher.Encrypt(cipher.Unwrap(record.WrappedKey), text, SealingContext.Moderation(record.Id, "platformFailure"));
            hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        else
        {
            record.SealedPlatformFailure = null;
        }

        ledger.Record(new ModerationDecisionApplied(JsonNames.Of(result), hash), actor, record.Id.ToString());
        await ledger.SaveAsync(ct);
        return record;
    }
}
