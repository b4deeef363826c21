using RightsDesk.Core.Pushback;

namespace RightsDesk.Application.Pushback;

/// <summary>A push-back record as the desk and the API read it.</summary>
public sealed record PushbackView(
    Guid Id, PushbackKind Kind, string Subject, string Country, IReadOnlyList<string> Offences, string? Court, string? CaseNumber,
    AdvocacyTarget? Target, PushbackStatus Status, PushbackOutcome? Outcome, DateOnly Started, DateOnly? Concluded,
    IReadOnlyList<Guid> Demands, string? Summary, DateTimeOffset UpdatedAt);

/// <summary>
/// One record as the public sees it: no subject, court, case number, summary or demand ids (they can name the people
/// concerned), the offences by their catalogue names, and the number of demands as a band.
/// </summary>
public sealed record PublicPushback(
    PushbackKind Kind, string Country, IReadOnlyList<string> Offences, AdvocacyTarget? Target, PushbackStatus Status,
    PushbackOutcome? Outcome, int StartedYear, long DemandsLow, long DemandsHigh);

/// <param name="LeftOut">What the summary does not publish, and why, in English (the JSON's readers are researchers).</param>
public sealed record PublicPushbackSummary(int SmallNumberThreshold, IReadOnlyList<PublicPushback> Records, IReadOnlyList<string> LeftOut);
