using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Impact;

/// <summary>Where a mitigation stands, as the rules need it: its owner and its status.</summary>
public sealed record MitigationState(Actor Owner, MitigationStatus Status);

/// <summary>
/// Status changes of a mitigation. A company's claim is not proof (the Oversight Board's tally of Meta's answers), so
/// "implemented" is a claim and only "verified" counts as done: verified needs evidence and a person other than the
/// owner, compared as the kernel compares actors (by id, never by name).
/// </summary>
public static class MitigationRules
{
    public static IReadOnlyList<FieldError> Check(MitigationState current, MitigationStatusInput change, Actor by)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(by);
        var errors = new List<FieldError>();
        if (change.Status == MitigationStatus.Declined && change.Reason is null)
        {
            errors.Add(new FieldError("reason", "A declined mitigation says why it was declined."));
        }

        if (change.Status == MitigationStatus.Verified)
        {
            if (current.Status is not (MitigationStatus.Implemented or MitigationStatus.AlreadyDone))
            {
                errors.Add(new FieldError("status", "Only a mitigation claimed as implemented (or already done) can be verified."));
            }

            if (change.Evidence.Count == 0)
            {
                errors.Add(new FieldError("evidence", "Verification rests on evidence: list what shows the mitigation works."));
            }

            if (!by.IsPerson)
            {
                errors.Add(new FieldError("status", "Only a person verifies a mitigation."));
            }
            else if (by.IsSamePersonAs(current.Owner))
            {
                errors.Add(new FieldError("status", "The owner cannot verify their own mitigation: someone else must check the evidence."));
            }
        }

        if (current.Status == MitigationStatus.Verified && change.Status != MitigationStatus.Verified && change.Reason is null)
        {
            errors.Add(new FieldError("reason", "Reopening a verified mitigation needs a reason."));
        }

        return errors;
    }
}
