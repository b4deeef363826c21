namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// A moderation decision the platform reported was stored. Only the vocabulary's values and the ladder's verdict:
/// never the puid (the platform's id of a post or account), the facts, the grounds' texts or the account.
/// </summary>
/// <param name="Findings">the ladder's finding codes, comma-separated (empty when none).</param>
/// <param name="Demand">the government demand the decision carries out, when it does.</param>
public sealed record ModerationDecisionRecorded(
    string Category, string Ground, string Source, string Automated, string Rung, string Action, string Findings,
    bool ReachesEea, string PolicyVersion, Guid? Demand) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationDecisionRecorded;

    public void Write(LedgerFields fields) => fields
        .Add("category", Category).Add("ground", Ground).Add("source", Source).Add("automated", Automated)
        .Add("rung", Rung).Add("action", Action).Add("findings", Findings).Add("eea", ReachesEea)
        .Add("policyVersion", PolicyVersion).Add("demand", Demand?.ToString());
}

/// <summary>A person confirmed a held measure: the platform may now apply it.</summary>
public sealed record ModerationDecisionConfirmed(string Rung) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationDecisionConfirmed;

    public void Write(LedgerFields fields) => fields.Add("rung", Rung);
}

/// <summary>A person lifted a measure. The reason is free text, so only its SHA-256 is recorded: the sealed reason
/// on the decision can be shown to match it.</summary>
public sealed record ModerationDecisionLifted(string Rung, string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationDecisionLifted;

    public void Write(LedgerFields fields) => fields.Add("rung", Rung).Add("reasonSha256", ReasonSha256);
}

/// <summary>Staff opened a decision's sealed texts (facts, grounds, the account) on the desk.</summary>
public sealed record ModerationDecisionRead : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationDecisionRead;

    public void Write(LedgerFields fields)
    {
    }
}

/// <summary>A statement of reasons was made for a decision and queued for the user. Its language, whether it names
/// the government (said, withheld under a gag, or none), the appeal deadline and, under a gag, the day it ends.
/// Never the text or the appeal code.</summary>
public sealed record StatementOfReasonsIssued(Guid Statement, int Version, string Language, string Government, DateOnly AppealBy, DateOnly? GagUntil) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.StatementOfReasonsIssued;

    public void Write(LedgerFields fields) => fields
        .Add("statement", Statement).Add("version", Version).Add("language", Language).Add("government", Government)
        .Add("appealBy", LedgerFields.Day(AppealBy)).Add("gagUntil", GagUntil is { } until ? LedgerFields.Day(until) : null);
}
