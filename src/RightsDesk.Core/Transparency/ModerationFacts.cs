using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// One moderation decision, de-identified, as the transparency reports count it: a salted case hash, the day it was
/// received, and the Transparency Database's values (category, first keyword, ground, source, automation, each
/// restriction), with the ladder's rung and where the measure stands (held, active, lifted). Never the account, the content or the facts written in the statement.
/// </summary>
public sealed record ModerationFact(
    string CaseHash, DateTimeOffset ReceivedAt, string Category, string? Keyword, string Ground, string Source,
    bool DetectedAutomatically, string AutomatedDecision, string Rung,
    IReadOnlyList<string> Visibility, string? Monetary, string? Provision, string? Account, string State)
{
    /// <summary>Held for a person to confirm: not (yet) a measure taken.</summary>
    public const string Held = "held";

    public bool Taken => State != Held;

    public const string GroundIllegal = "DECISION_GROUND_ILLEGAL_CONTENT";
    public const string FullyAutomated = "AUTOMATED_DECISION_FULLY";

    public DsaMeasure ToDsa() =>
        new(Category, Keyword, Ground == GroundIllegal, Source, DetectedAutomatically, AutomatedDecision == FullyAutomated, Visibility, Monetary, Provision, Account);

    /// <summary>The kinds of restriction the decision imposed, in the template's words (a decision can impose
    /// several).</summary>
    public IEnumerable<string> RestrictionKinds()
    {
        if (Visibility.Count > 0)
        {
            yield return "visibility";
        }

        if (Monetary is not null)
        {
            yield return "monetary";
        }

        if (Provision is not null)
        {
            yield return "service";
        }

        if (Account is not null)
        {
            yield return "account";
        }
    }
}

/// <summary>One appeal (DSA Art. 20), de-identified: its case hash, the case hash of the decision it is about, when it
/// was submitted and decided, and the outcome (upheld, reversed, modified; null while undecided).</summary>
public sealed record AppealFact(string CaseHash, string DecisionHash, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Outcome)
{
    public double? Hours => DecidedAt is { } d ? Math.Round((d - SubmittedAt).TotalHours, 1) : null;

    /// <summary>How the template reads the appeal at the end of a period: decided after it is "Decision omitted".</summary>
    public DsaComplaintOutcome OutcomeAt(DateTimeOffset end) =>
        DecidedAt is { } d && d < end
            ? Outcome switch
            {
                "upheld" => DsaComplaintOutcome.Upheld,
                "modified" => DsaComplaintOutcome.PartiallyReversed,
                "reversed" => DsaComplaintOutcome.Reversed,
                _ => DsaComplaintOutcome.Pending,
            }
            : DsaComplaintOutcome.Pending;
}
