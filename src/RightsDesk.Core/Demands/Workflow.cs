using RightsDesk.Core.Assessment;

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
}

/// <summary>A refused step: the reason is shown to the person who tried it, as is.</summary>
public sealed class WorkflowException(string message) : Exception(message);

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
    int RequiredApprovals)
{
    /// <summary>Outcomes that hand data over or restrict speech, and so need four (or more) eyes.</summary>
    public bool NeedsApproval => Outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction;
}

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
    };

    public static bool Allows(DemandState state, WorkflowAction action) => Transitions.ContainsKey((state, action));

    public static DemandState Next(DemandState state, WorkflowAction action) =>
        Transitions.TryGetValue((state, action), out var next)
            ? next
            : throw new WorkflowException($"A demand that is {JsonNames.Of(state)} cannot be {Describe(action)}; allowed now: {string.Join(", ", AllowedFrom(state).Select(JsonNames.Of))}.");

    public static IEnumerable<WorkflowAction> AllowedFrom(DemandState state) =>
        Transitions.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).Distinct();

    /// <summary>
    /// Turns a reviewer's decision into a <see cref="Decision"/>, enforcing the rules that make it accountable:
    /// a departure from the recommendation needs a written reason, and nothing beyond what the assessment allows
    /// (or the demand asked for) can be authorised.
    /// </summary>
    public static Decision Decide(Demand demand, AssessmentResult assessment, DecisionInput input, string actor, DateTimeOffset at)
    {
        var departs = input.Outcome != assessment.Recommendation;
        var reason = input.Reason?.Trim();
        if (departs && (reason is null || reason.Length < MinimumDepartureReasonLength))
        {
            throw new WorkflowException($"The decision ({JsonNames.Of(input.Outcome)}) departs from the recommendation ({JsonNames.Of(assessment.Recommendation)}); give a written reason of at least {MinimumDepartureReasonLength} characters.");
        }

        IReadOnlyList<DataCategory> categories = [];
        IReadOnlyList<int> targets = [];
        IReadOnlyList<string> territories = [];
        switch (input.Outcome)
        {
            case Recommendation.Disclose or Recommendation.DiscloseNarrowed:
                if (demand.Kind is not DemandKind.UserData)
                {
                    throw new WorkflowException($"Only a user-data demand can be answered with disclosure; this is a {JsonNames.Of(demand.Kind)} demand.");
                }

                // Departing towards disclosure can only reach what was asked for; following the assessment, only what it allows.
                var ceiling = departs ? demand.DataCategories : assessment.AllowedDataCategories;
                categories = input.DataCategories is { Count: > 0 } asked ? asked.Distinct().ToList() : ceiling;
                var beyond = categories.Where(c => !ceiling.Contains(c)).ToList();
                if (beyond.Count > 0)
                {
                    throw new WorkflowException($"Cannot authorise {string.Join(", ", beyond.Select(JsonNames.Of))}: not within what {(departs ? "the demand asked for" : "the assessment allows")}.");
                }

                if (categories.Count == 0)
                {
                    throw new WorkflowException("A disclosure must authorise at least one data category.");
                }

                targets = departs ? Enumerable.Range(0, demand.Targets.Count).Where(i => demand.Targets[i].IsIndividualised).ToList() : assessment.AllowedTargets;
                if (targets.Count == 0)
                {
                    throw new WorkflowException("No individual target remains to disclose about.");
                }

                break;
            case Recommendation.RestrictInJurisdiction:
                if (demand.Kind is not (DemandKind.ContentRestriction or DemandKind.AccountRestriction))
                {
                    throw new WorkflowException("Only a content or account restriction demand can be answered with a restriction.");
                }

                var allowedTerritories = assessment.AllowedTerritories.Count > 0 ? assessment.AllowedTerritories : [demand.Authority.Country.Value];
                territories = input.Territories is { Count: > 0 } t ? t.Distinct().ToList() : allowedTerritories;
                var outside = territories.Where(x => !allowedTerritories.Contains(x) && !(departs && demand.Restriction?.Territories.Contains(x) == true)).ToList();
                if (outside.Count > 0)
                {
                    throw new WorkflowException($"Cannot restrict in {string.Join(", ", outside)}: the demand rests on the law of {demand.Authority.Country}.");
                }

                targets = Enumerable.Range(0, demand.Targets.Count).ToList();
                break;
            case Recommendation.Preserve:
                targets = Enumerable.Range(0, demand.Targets.Count).Where(i => demand.Targets[i].IsIndividualised).ToList();
                categories = assessment.Preservation?.Categories ?? demand.DataCategories;
                break;
        }

        var approvals = input.Outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction
            ? Math.Max(1, assessment.RequiredApprovals)
            : 0;
        return new Decision(input.Outcome, actor, at, reason, departs, categories, targets, territories, approvals);
    }

    /// <summary>The state a decision moves the demand to.</summary>
    public static DemandState NextAfterDecision(Decision decision) => decision.NeedsApproval ? DemandState.AwaitingApproval : DemandState.Decided;

    /// <summary>
    /// Four eyes: an approver must be someone other than the decider and must not have approved already.
    /// Returns true when the decision now has all the approvals it needs.
    /// </summary>
    public static bool Approve(Decision decision, IReadOnlyCollection<string> approvedBy, string approver)
    {
        if (string.Equals(approver, decision.DecidedBy, StringComparison.Ordinal))
        {
            throw new WorkflowException("Nobody approves their own decision: another reviewer must approve it.");
        }

        if (approvedBy.Contains(approver, StringComparer.Ordinal))
        {
            throw new WorkflowException("You have already approved this decision; it needs a different approver.");
        }

        return approvedBy.Count + 1 >= decision.RequiredApprovals;
    }

    /// <summary>The state the decided demand waits in, for outcomes that go back to the authority.</summary>
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
        _ => "closed",
    };
}
