using RightsDesk.Core.Pushback;

namespace RightsDesk.Core.Ledger.Events;

// Push-back beyond the case (71xx). The subject, case number and summary are free text: the ledger carries their
// SHA-256 only.

/// <param name="Demands">How many demands the record concerns.</param>
public sealed record PushbackRecorded(Guid Pushback, PushbackKind Kind, string Country, IReadOnlyList<string> Offences, PushbackStatus Status, AdvocacyTarget? Target, int Demands, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PushbackRecorded;

    public void Write(LedgerFields fields) => fields.Add("pushback", Pushback).Add("kind", Kind).Add("country", Country)
        .Add("offences", string.Join(",", Offences)).Add("status", Status).Add("target", Target is { } t ? JsonNames.Of(t) : null)
        .Add("demands", Demands).Add("sha256", Sha256);
}

/// <param name="Sha256">Of the note given with the change (empty text when none).</param>
public sealed record PushbackStatusChanged(Guid Pushback, PushbackStatus From, PushbackStatus To, PushbackOutcome? Outcome, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PushbackStatusChanged;

    public void Write(LedgerFields fields) => fields.Add("pushback", Pushback).Add("from", From).Add("to", To)
        .Add("outcome", Outcome is { } o ? JsonNames.Of(o) : null).Add("sha256", Sha256);
}
