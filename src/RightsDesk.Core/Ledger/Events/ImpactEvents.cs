using RightsDesk.Core.Impact;

namespace RightsDesk.Core.Ledger.Events;

// Impact assessments (7xxx). Titles, rationales, evidence, issues and summaries are free text: the ledger carries
// their SHA-256 only, never the words, and never a consulted person's name.

/// <param name="Countries">ISO codes of the countries in scope, comma-separated.</param>
public sealed record ImpactAssessmentCreated(Guid Assessment, AssessmentTrigger Trigger, AssessmentPhase Phase, IReadOnlyList<string> Countries, DateOnly NextReviewDue, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactAssessmentCreated;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("trigger", Trigger).Add("phase", Phase)
        .Add("countries", string.Join(",", Countries)).Add("nextReviewDue", LedgerFields.Day(NextReviewDue)).Add("sha256", Sha256);
}

public sealed record ImpactPhaseChanged(Guid Assessment, AssessmentPhase From, AssessmentPhase To) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactPhaseChanged;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("from", From).Add("to", To);
}

/// <param name="Severity">The inherent severity score by the policy's rule; <paramref name="Likelihood"/> is null for an actual impact.</param>
public sealed record ImpactRiskAdded(Guid Assessment, Guid Risk, ImpactNature Nature, Involvement Involvement, int Severity, int? Likelihood, IReadOnlyList<string> Rights, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactRiskAdded;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("risk", Risk).Add("nature", Nature).Add("involvement", Involvement)
        .Add("severity", Severity).Add("likelihood", Likelihood?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("rights", string.Join(",", Rights)).Add("sha256", Sha256);
}

public sealed record ImpactMitigationAdded(Guid Assessment, Guid Mitigation, MitigationMeasure? Measure, DateOnly Due, int Risks, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactMitigationAdded;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("mitigation", Mitigation)
        .Add("measure", Measure is { } m ? JsonNames.Of(m) : null).Add("due", LedgerFields.Day(Due)).Add("risks", Risks).Add("sha256", Sha256);
}

/// <param name="Sha256">Of the reason and evidence given with the change.</param>
public sealed record ImpactMitigationStatusChanged(Guid Assessment, Guid Mitigation, MitigationStatus From, MitigationStatus To, int Evidence, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactMitigationStatusChanged;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("mitigation", Mitigation).Add("from", From).Add("to", To)
        .Add("evidence", Evidence).Add("sha256", Sha256);
}

/// <param name="Group">The group consulted (never a person).</param>
public sealed record ImpactConsultationRecorded(Guid Assessment, Guid Consultation, string Group, string Country, ConsultationMethod Method, int Participants, int Risks) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactConsultationRecorded;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("consultation", Consultation).Add("group", Group)
        .Add("country", Country).Add("method", Method).Add("participants", Participants).Add("risks", Risks);
}

/// <summary>Someone opened an assessment's sealed consultation records.</summary>
public sealed record ImpactConsultationsRead(Guid Assessment, int Count) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactConsultationsRead;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("count", Count);
}

public sealed record ImpactReviewRecorded(Guid Assessment, Guid Review, ReviewKind Kind, ReviewCause? Cause, DateOnly NextReviewDue, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactReviewRecorded;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("review", Review).Add("kind", Kind)
        .Add("cause", Cause is { } c ? JsonNames.Of(c) : null).Add("nextReviewDue", LedgerFields.Day(NextReviewDue)).Add("sha256", Sha256);
}

/// <summary>A second person signed the review off: the assessment is signed and current until its next review.</summary>
public sealed record ImpactReviewSignedOff(Guid Assessment, Guid Review, DateOnly NextReviewDue) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactReviewSignedOff;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("review", Review).Add("nextReviewDue", LedgerFields.Day(NextReviewDue));
}

/// <summary>The system raised a review (a benchmark off target): it waits for someone to conduct it.</summary>
public sealed record ImpactReviewRaised(Guid Assessment, Guid Review, ReviewCause Cause, Guid? Benchmark) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ImpactReviewRaised;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("review", Review).Add("cause", Cause)
        .Add("benchmark", Benchmark?.ToString());
}

public sealed record BenchmarkCreated(Guid Assessment, Guid Benchmark, string Metric, string? Country, decimal Baseline, decimal Target, BenchmarkDirection Direction, Guid? Mitigation) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.BenchmarkCreated;

    public void Write(LedgerFields fields) => fields.Add("assessment", Assessment).Add("benchmark", Benchmark).Add("metric", Metric).Add("country", Country)
        .Add("baseline", Number(Baseline)).Add("target", Number(Target)).Add("direction", Direction).Add("mitigation", Mitigation?.ToString());

    internal static string Number(decimal d) => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="TreeSize">The ledger's size the value was computed at: recomputing at that size gives the same value.</param>
public sealed record BenchmarkReadingTaken(Guid Benchmark, Guid Reading, decimal Value, long TreeSize, bool OnTarget) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.BenchmarkReadingTaken;

    public void Write(LedgerFields fields) => fields.Add("benchmark", Benchmark).Add("reading", Reading).Add("value", BenchmarkCreated.Number(Value))
        .Add("treeSize", TreeSize).Add("onTarget", OnTarget);
}
