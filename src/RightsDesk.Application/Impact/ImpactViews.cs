using RightsDesk.Core.Impact;

namespace RightsDesk.Application.Impact;

public sealed record AssessmentSummary(Guid Id, string Title, AssessmentTrigger Trigger, AssessmentPhase Phase, IReadOnlyList<string> Countries, DateOnly NextReviewDue, bool SignedOff, bool ReviewOverdue, int Risks);

/// <param name="Severity">The inherent severity score by the policy's rule, and its band.</param>
public sealed record RiskView(Guid Id, int Rank, ImpactRisk Risk, int Severity, string Band, int? ResidualSeverity, string? ResidualBand);

public sealed record MitigationView(Guid Id, string Title, IReadOnlyList<Guid> Risks, string Owner, DateOnly Due, MitigationMeasure? Measure, MitigationStatus Status, string? Reason, IReadOnlyList<string> Evidence, string? StatusBy, DateTimeOffset? StatusAt);

/// <summary>A consultation as people on the desk read it (opened from its seal, and the read ledgered).</summary>
public sealed record ConsultationView(Guid Id, string Group, string Country, ConsultationMethod Method, DateOnly HeldOn, int Participants, bool Consented, IReadOnlyList<string> NamedParticipants, string Precautions, IReadOnlyList<string> IssuesRaised, IReadOnlyList<Guid> Risks, string? ReportedBack);

public sealed record ReviewView(Guid Id, ReviewKind Kind, ReviewCause? Cause, DateTimeOffset RaisedAt, string? Summary, DateOnly? NextReviewDue, string? ConductedBy, DateTimeOffset? ConductedAt, string? SignedOffBy, DateTimeOffset? SignedOffAt);

public sealed record ReadingView(Guid Id, decimal Value, DateTimeOffset At, long TreeSize, bool OnTarget);

public sealed record BenchmarkView(Guid Id, Guid Assessment, string Title, string Metric, string? Country, Guid? Mitigation, string? Commitment, decimal Baseline, decimal Target, BenchmarkDirection Direction, IReadOnlyList<ReadingView> Readings);

/// <summary>One cell of the risk matrix: how many risks have this severity band and this likelihood (0 for actual impacts).</summary>
public sealed record MatrixCell(string Band, int Likelihood, IReadOnlyList<int> Ranks);

public sealed record AssessmentView(
    Guid Id, string Title, AssessmentTrigger Trigger, AssessmentScope Scope, AssessmentPhase Phase, IReadOnlyList<Assessor> Assessors,
    DateOnly NextReviewDue, ExternalAssurance? Assurance, DateTimeOffset? SignedOffAt, string? SignedOffBy, bool ReviewOverdue, string PolicyVersion,
    IReadOnlyList<RiskView> Risks, IReadOnlyList<MitigationView> Mitigations, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<BenchmarkView> Benchmarks,
    int Consultations, IReadOnlyList<MatrixCell> Matrix);
