namespace RightsDesk.Core.Impact;

/// <summary>What an assessment covers: products, countries (ISO codes) and partners.</summary>
public sealed record AssessmentScope(IReadOnlyList<string> Products, IReadOnlyList<string> Countries, IReadOnlyList<string> Partners);

/// <param name="Independent">Whether the assessor is outside the team that builds or sells what is assessed (DIHR phase 1).</param>
public sealed record Assessor(string Name, bool Independent);

/// <summary>External assurance of the assessment (RDR G4a.10–11).</summary>
public sealed record ExternalAssurance(string Provider, bool Accredited, DateOnly On);

public sealed record AssessmentInput(
    string Title, AssessmentTrigger Trigger, AssessmentScope Scope, AssessmentPhase Phase, IReadOnlyList<Assessor> Assessors,
    DateOnly NextReviewDue, ExternalAssurance? Assurance);

/// <param name="Owner">The owner's user name on the desk; the use case resolves it to the account, whose id the kernel compares.</param>
/// <param name="Risks">Indexes are not stable, so risks are named by their ids.</param>
public sealed record MitigationInput(string Title, IReadOnlyList<Guid> Risks, string Owner, DateOnly Due, MitigationMeasure? Measure);

public sealed record MitigationStatusInput(Guid Mitigation, MitigationStatus Status, string? Reason, IReadOnlyList<string> Evidence);

/// <summary>
/// A consultation with affected stakeholders or experts. People are named only with their consent; otherwise the
/// group alone says who was heard. Everything but the group, method and day is sealed.
/// </summary>
public sealed record ConsultationInput(
    string Group, string Country, ConsultationMethod Method, DateOnly HeldOn, int Participants, bool Consented,
    IReadOnlyList<string> NamedParticipants, string Precautions, IReadOnlyList<string> IssuesRaised, IReadOnlyList<Guid> Risks,
    string? ReportedBack);

public sealed record ReviewInput(ReviewKind Kind, ReviewCause? Cause, string Summary, DateOnly NextReviewDue);

public sealed record BenchmarkInput(string Title, string Metric, string? Country, Guid? Mitigation, string? Commitment, decimal Baseline, decimal Target, BenchmarkDirection Direction);
