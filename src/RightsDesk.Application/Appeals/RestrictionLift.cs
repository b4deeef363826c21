using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Appeals;

/// <summary>
/// Lifting a restriction because a review reversed it: a reversed appeal (Art. 20) and a certified body's reversal
/// (Art. 21) do the same thing to the decision, so both come here. The reasons are sealed on the decision as its review
/// reason and only their hash goes into the ledger.
/// </summary>
public static class RestrictionLift
{
    /// <summary>Lifts the measure unless it is lifted already; true when this call lifted it.</summary>
    public static bool Lift(ModerationDecisionRecord decision, string reasons, Actor actor, DateTimeOffset now, FieldCipher cipher, LedgerWriter ledger)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(ledger);
        if (decision.State == ModerationState.Lifted)
        {
            return false;
        }

        decision.State = ModerationState.Lifted;
        decision.ReviewedAt = now;
        decision.ReviewedBy = actor.LedgerName;
        decision.ReviewedById = actor.Id;
        decision.SealedReviewReason = cipher.Encrypt(cipher.Unwrap(decision.WrappedKey), reasons, SealingContext.Moderation(decision.Id, "reviewReason"));
        ledger.Record(new ModerationDecisionLifted(JsonNames.Of(decision.Rung), SubmitAppeal.Sha256(reasons)), actor, decision.Id.ToString());
        return true;
    }
}
