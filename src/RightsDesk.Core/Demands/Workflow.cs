using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Demands;

/// <summary>
/// Where a demand stands. The main line is received → assessed → awaitingApproval → decided → fulfilled → closed;
/// clarification, verification and challenge are loops that end with the demand back at received (answered) or closed.
/// </summary>
public enum DemandState
{
    Received, Assessed, AwaitingApproval, Decided, Fulfilled, Closed, ClarificationRequested, VerificationPending, Challenged,
}

public enum WorkflowAction
{
    Assess, Decide, Approve, SendBack, Fulfil, RequestClarification, RequestVerification, Challenge, AnswerReceived, Close,
    /// <summary>Staff called the authority back and confirmed the demand: recorded by the desk, never claimed by the sender.</summary>
    RecordVerification,
}


public sealed record DecisionInput(
    Recommendation Outcome,
    string? Reason,
    IReadOnlyList<DataCategory>? DataCategories,
    IReadOnlyList<string>? Territories);

/// <summary>What was decided, by whom and why: authorised categories, targets and territories are exact, never more.</summary>
public sealed record Decision(
    Recommendation Outcome,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    string? Reason,
    bool DepartsFromRecommendation,
    IReadOnlyList<DataCategory> AuthorisedCategories,
    IReadOnlyList<int> AuthorisedTargets,
    IReadOnlyList<string> AuthorisedTerritories,
    int RequiredApprovals,
    string? DecidedById = null)
{
    /// <summary>Who decided, for four eyes. Decisions stored before actors had ids name the person only.</summary>
    public Cases.Actor Decider => Cases.Actor.Person(DecidedById ?? DecidedBy, DecidedBy);

    /// <summary>Outcomes that leave something to carry out at the platform: data to hand over, records to keep, content to restrict.</summary>
    public bool NeedsFulfilment => Workflow.Fulfillable(Outcome);

    /// <summary>Outcomes that hand data over or restrict speech, and so need four (or more) eyes.</summary>
    public bool NeedsApproval => Outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction;

    /// <summary>What this decision authorises beyond what the assessment allowed (null when it stays within it).</summary>
    public BeyondAllowance? Widens { get; init; }
}

/// <summary>
/// The part of a decision that goes beyond the assessment's allowance: data categories, targets (by position) and
/// territories it did not allow. A widening needs the written reason, and the approver sees it highlighted.
/// </summary>
public sealed record BeyondAllowance(IReadOnlyList<DataCategory> Categories, IReadOnlyList<int> Targets, IReadOnlyList<string> Territories)
{
    public static BeyondAllowance? Of(Decision decision, Assessment.AssessmentResult assessment, string authorityCountry)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(assessment);
        if (decision.Outcome is not (Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction))
        {
            return null;
        }

        var allowedTerritories = assessment.AllowedTerritories.Count > 0 ? assessment.AllowedTerritories : [authorityCountry];
        var categories = decision.AuthorisedCategories.Where(c => !assessment.AllowedDataCategories.Contains(c)).ToList();
        var targets = decision.Outcome is Recommendation.RestrictInJurisdiction ? [] : decision.AuthorisedTargets.Where(t => !assessment.AllowedTargets.Contains(t)).ToList();
        var territories = decision.AuthorisedTerritories.Where(t => !allowedTerritories.Contains(t)).ToList();
        return categories.Count + targets.Count + territories.Count == 0 ? null : new BeyondAllowance(categories, targets, territories);
    }
}

/// <summary>
/// The demand's transitions. A transition may depend on what was decided: fulfilment exists only after a decision
/// that discloses, preserves or restricts, and the loops back to the authority only after the outcome that asks for
/// them. The desk offers, and every queue lists, only what this table allows.
/// </summary>
public static class Workflow
{
    public const int MinimumDepartureReasonLength = 20;

    private static readonly Dictionary<(DemandState, WorkflowAction), DemandState> Transitions = new()
    {
        [(DemandState.Received, WorkflowAction.Assess)] = DemandState.Assessed,
        [(DemandState.Assessed, WorkflowAction.Assess)] = DemandState.Assessed,
        [(DemandState.Assessed, WorkflowAction.Decide)] = DemandState.Decided, // or AwaitingApproval, see NextAfterDecision
        [(DemandState.AwaitingApproval, WorkflowAction.Approve)] = DemandState.AwaitingApproval, // Decided when enough
        [(DemandState.AwaitingApproval, WorkflowAction.SendBack)] = DemandState.Assessed,
        [(DemandState.Decided, WorkflowAction.Fulfil)] = DemandState.Fulfilled,
        [(DemandState.Decided, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Fulfilled, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Decided, WorkflowAction.RequestClarification)] = DemandState.ClarificationRequested,
        [(DemandState.Decided, WorkflowAction.RequestVerification)] = DemandState.VerificationPending,
        [(DemandState.Decided, WorkflowAction.Challenge)] = DemandState.Challenged,
        [(DemandState.ClarificationRequested, WorkflowAction.AnswerReceived)] = DemandState.Received,
        [(DemandState.VerificationPending, WorkflowAction.AnswerReceived)] = DemandState.Received,
        [(DemandState.Challenged, WorkflowAction.AnswerReceived)] = DemandState.Received,
        [(DemandState.ClarificationRequested, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.VerificationPending, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Challenged, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Received, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Assessed, WorkflowAction.Close)] = DemandState.Closed,
        [(DemandState.Received, WorkflowAction.RecordVerification)] = DemandState.Received,
        [(DemandState.Assessed, WorkflowAction.RecordVerification)] = DemandState.Assessed,
        [(DemandState.VerificationPending, WorkflowAction.RecordVerification)] = DemandState.Received,
    };

    /// <summary>Outcomes whose decision leaves work for the platform (and so a fulfilment step).</summary>
    public static bool Fulfillable(Recommendation outcome) =>
        outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction or Recommendation.Preserve;

    /// <summary>Whether <paramref name="action"/> may be taken now. <paramref name="decided"/> is the outcome of the
    /// case's current decision, if it has one: some steps exist only after some outcomes.</summary>
    public static bool Allows(DemandState state, WorkflowAction action, Recommendation? decided = null) =>
        Transitions.ContainsKey((state, action)) && OutcomeAllows(state, action, decided);

    private static bool OutcomeAllows(DemandState state, WorkflowAction action, Recommendation? decided) => (state, action) switch
    {
        (DemandState.Decided, WorkflowAction.Fulfil) => decided is { } o && Fulfillable(o),
        (DemandState.Decided, WorkflowAction.RequestVerification) => decided is Recommendation.VerifyRequester,
        (DemandState.Decided, WorkflowAction.Challenge) => decided is Recommendation.Challenge,
        _ => true,
    };

    public static DemandState Next(DemandState state, WorkflowAction action, Recommendation? decided = null)
    {
        if (Transitions.TryGetValue((state, action), out var next) && OutcomeAllows(state, action, decided))
        {
            return next;
        }

        var allowed = AllowedFrom(state, decided).Select(JsonNames.Of).ToList();
        var why = action is WorkflowAction.Fulfil && state is DemandState.Decided
            ? $"A {(decided is { } d ? JsonNames.Of(d) : "")} decision has nothing to fulfil; close the demand instead."
            : $"A demand that is {JsonNames.Of(state)} cannot be {Describe(action)}.";
        throw new WorkflowException($"{why} Allowed now: {(allowed.Count == 0 ? "nothing" : string.Join(", ", allowed))}.");
    }

    public static IEnumerable<WorkflowAction> AllowedFrom(DemandState state, Recommendation? decided = null) =>
        Transitions.Keys.Where(k => k.Item1 == state && OutcomeAllows(state, k.Item2, decided)).Select(k => k.Item2).Distinct();

    /// <summary>The states in which <paramref name="action"/> is allowed (for some outcome): what a queue for that
    /// action may list.</summary>
    public static IReadOnlyList<DemandState> StatesAllowing(WorkflowAction action) =>
        Transitions.Keys.Where(k => k.Item2 == action).Select(k => k.Item1).Distinct().ToList();

    /// <summary>The state a decision moves the demand to.</summary>
    public static DemandState NextAfterDecision(Decision decision) => decision.NeedsApproval ? DemandState.AwaitingApproval : DemandState.Decided;

    /// <summary>The step the decided demand takes by itself, for outcomes that go back to the authority.</summary>
    public static WorkflowAction? FollowUpFor(Recommendation outcome) => outcome switch
    {
        Recommendation.RequestClarification => WorkflowAction.RequestClarification,
        Recommendation.VerifyRequester => WorkflowAction.RequestVerification,
        Recommendation.Challenge => WorkflowAction.Challenge,
        _ => null,
    };

    private static string Describe(WorkflowAction action) => action switch
    {
        WorkflowAction.Assess => "assessed",
        WorkflowAction.Decide => "decided",
        WorkflowAction.Approve => "approved",
        WorkflowAction.SendBack => "sent back",
        WorkflowAction.Fulfil => "fulfilled",
        WorkflowAction.RequestClarification => "put to the authority for clarification",
        WorkflowAction.RequestVerification => "held for verification",
        WorkflowAction.Challenge => "challenged",
        WorkflowAction.AnswerReceived => "reopened with an answer",
        WorkflowAction.RecordVerification => "verified by call-back",
        _ => "closed",
    };
}
