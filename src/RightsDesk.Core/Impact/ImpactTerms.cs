namespace RightsDesk.Core.Impact;

/// <summary>What started an impact assessment (RDR G4a.5–6: launches, acquisitions and market entries before they happen).</summary>
public enum AssessmentTrigger { ProductLaunch, MarketEntry, Feature, PolicyChange, Acquisition, Periodic, Crisis }

/// <summary>The five phases of the DIHR toolbox, then monitoring once the plan is running.</summary>
public enum AssessmentPhase { PlanningAndScoping, DataCollectionAndBaseline, AnalysingImpacts, MitigationAndManagement, ReportingAndEvaluation, Monitoring }

/// <summary>Whether the impact has happened or might (UNGP 17: potential impacts call for prevention, actual ones for remedy).</summary>
public enum ImpactNature { Actual, Potential }

/// <summary>The company's involvement (UNGP 13, 19): it decides which leverage and which remedy the plan needs.</summary>
public enum Involvement { Cause, Contribute, DirectlyLinked }

/// <summary>The DSA Art. 34(1) systemic-risk categories (a)–(d).</summary>
public enum SystemicRiskCategory { IllegalContent, FundamentalRights, CivicDiscourseAndSecurity, GenderViolenceHealthMinors }

/// <summary>The DSA Art. 35(1) mitigation measures (a)–(k).</summary>
public enum MitigationMeasure
{
    DesignAndInterfaces, TermsAndConditions, ContentModeration, AlgorithmTesting, Advertising, InternalProcesses,
    TrustedFlaggers, CodesAndCrisisProtocols, Awareness, ChildProtection, SyntheticMediaMarking,
}

/// <summary>
/// The implementation labels companies publish (Meta's for the Oversight Board, BSR's and Article One's tallies),
/// with the one RightsDesk adds: a claim ("implemented") is not proof until someone other than the owner verifies it
/// with evidence.
/// </summary>
public enum MitigationStatus { Proposed, ImplementingFully, ImplementingInPart, AssessingFeasibility, AlreadyDone, Declined, Implemented, Verified }

/// <summary>Why a review happens: on schedule, because something changed, or after an incident.</summary>
public enum ReviewKind { Scheduled, Triggered, PostIncident }

/// <summary>What set off a triggered review (a new risk, an incident, a jurisdiction's risk tier, a benchmark off target).</summary>
public enum ReviewCause { NewRisk, Incident, RiskTierChange, BenchmarkOffTarget, Other }

/// <summary>Which way a benchmark's metric should move.</summary>
public enum BenchmarkDirection { AtLeast, AtMost }

/// <summary>How a consultation was held.</summary>
public enum ConsultationMethod { Interview, FocusGroup, Survey, Workshop, WrittenSubmission, ExpertReview }
