using RightsDesk.Core.Impact;

namespace RightsDesk.Application.Impact;

/// <summary>A count as published: exact (<c>Low == High</c>) or, for a small or widened number, the band it lies in.</summary>
public sealed record PublicCount(string Key, long Low, long High);

/// <summary>A right as the catalogue names it, with how many of the assessment's risks name it.</summary>
public sealed record PublicRightCount(string Right, string Instrument, string Article, string Name, int Risks);

/// <summary>
/// Consultations in numbers only: how many were held and how many took part, by the group heard and by method.
/// Counts from 1 to the threshold are a band, and others are widened so no small count can be worked out by subtraction.
/// </summary>
public sealed record PublicConsultations(PublicCount Sessions, PublicCount Participants, IReadOnlyList<PublicCount> ParticipantsByGroup, IReadOnlyList<PublicCount> SessionsByMethod);

/// <summary>A benchmark by its registered metric (never the desk's title for it) and its latest reading, with the tree size to recompute it at.</summary>
public sealed record PublicBenchmark(
    string Metric, string MetricName, string Unit, string? Country, decimal Baseline, decimal Target, BenchmarkDirection Direction,
    decimal? Latest, DateOnly? LatestOn, long? TreeSize, bool? OnTarget, int Readings);

/// <summary>One signed assessment as the public sees it: what started it, what it covers, where it stands, its figures.</summary>
public sealed record PublicAssessment(
    AssessmentTrigger Trigger, IReadOnlyList<string> Countries, IReadOnlyList<string> Products, AssessmentPhase Phase,
    DateOnly OpenedOn, DateOnly SignedOn, DateOnly NextReviewDue, bool Current, bool ExternallyAssured,
    int Risks, IReadOnlyList<PublicCount> RisksBySeverity, IReadOnlyList<PublicRightCount> RisksByRight,
    int Mitigations, IReadOnlyList<PublicCount> MitigationsByStatus, PublicConsultations Consultations, IReadOnlyList<PublicBenchmark> Benchmarks);

/// <param name="LeftOut">What the summary does not publish, and why, in English (the JSON's readers are researchers).</param>
public sealed record PublicImpactSummary(DateOnly AsOf, int SmallNumberThreshold, int NotYetSigned, IReadOnlyList<PublicAssessment> Assessments, IReadOnlyList<string> LeftOut);
