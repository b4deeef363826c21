namespace RightsDesk.Core.Impact;

/// <summary>
/// How an assessment moves through the DIHR phases: one phase at a time, since each rests on the work of the one
/// before (no impacts analysed without a baseline, no plan without an analysis); monitoring only once a second
/// person has signed the assessment off, as monitoring means the plan is running. The one way back is to analysing
/// impacts, from any later phase: new information (a new risk, an incident, a benchmark off target) reopens the
/// analysis, and the toolbox expects that loop. Any other step back would discard work that was done.
/// </summary>
public static class PhaseRules
{
    public static IReadOnlyList<FieldError> Check(AssessmentPhase current, AssessmentPhase target, bool signedOff)
    {
        if (target == current)
        {
            return [];
        }

        if (target < current)
        {
            return target == AssessmentPhase.AnalysingImpacts
                ? []
                : [new FieldError("phase", "An assessment goes back only to analysing impacts, when new information reopens the analysis.")];
        }

        var next = current + 1;
        if (target != next)
        {
            return [new FieldError("phase", $"Phases are not skipped: the next phase is {Words(next)}.")];
        }

        return target == AssessmentPhase.Monitoring && !signedOff
            ? [new FieldError("phase", "Monitoring begins once a second person has signed the assessment off.")]
            : [];
    }

    /// <summary>The phases an assessment in <paramref name="current"/> may move to now, for the desk to offer.</summary>
    public static IReadOnlyList<AssessmentPhase> Allowed(AssessmentPhase current, bool signedOff) =>
        Enum.GetValues<AssessmentPhase>().Where(p => p != current && Check(current, p, signedOff).Count == 0).ToList();

    private static string Words(AssessmentPhase phase) => phase switch
    {
        AssessmentPhase.PlanningAndScoping => "planning and scoping",
        AssessmentPhase.DataCollectionAndBaseline => "data collection and baseline",
        AssessmentPhase.AnalysingImpacts => "analysing impacts",
        AssessmentPhase.MitigationAndManagement => "mitigation and management",
        AssessmentPhase.ReportingAndEvaluation => "reporting and evaluation",
        _ => "monitoring",
    };
}
