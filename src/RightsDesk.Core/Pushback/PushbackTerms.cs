namespace RightsDesk.Core.Pushback;

/// <summary>
/// Push-back beyond the single case (GNI Implementation Guidelines 2.5–2.7; the US-EU HRD recommendations): challenging
/// an abusive law or order in court, asking others to press for change, or refusing a legal order in a grave case.
/// </summary>
public enum PushbackKind { LegalChallenge, Advocacy, Refusal }

/// <summary>Whom an advocacy request went to: the home government, GNI, an intergovernmental body, or other platforms for a joint position.</summary>
public enum AdvocacyTarget { HomeGovernment, Gni, IntergovernmentalBody, JointPosition }

/// <summary>Where the push-back stands. A refusal is "active" while the platform keeps refusing.</summary>
public enum PushbackStatus { Preparing, Active, Concluded, Withdrawn }

/// <summary>How a concluded push-back ended, from the platform's side.</summary>
public enum PushbackOutcome { Succeeded, PartlySucceeded, Failed, Settled }

/// <summary>
/// One push-back record. <paramref name="Subject"/> is the law or order contested; the court and case number belong to
/// legal challenges, the target to advocacy. <paramref name="Summary"/> is desk-only free text.
/// </summary>
/// <param name="Country">The jurisdiction profile it concerns.</param>
/// <param name="Offences">Offence catalogue entries the law or order rests on.</param>
/// <param name="Demands">Demands it concerns (a challenge of the order behind them, a refusal of them).</param>
public sealed record PushbackInput(
    PushbackKind Kind, string Subject, string Country, IReadOnlyList<string> Offences, string? Court, string? CaseNumber,
    AdvocacyTarget? Target, PushbackStatus Status, PushbackOutcome? Outcome, DateOnly Started, IReadOnlyList<Guid> Demands, string? Summary);

public sealed record PushbackStatusInput(PushbackStatus Status, PushbackOutcome? Outcome, string? Note);
