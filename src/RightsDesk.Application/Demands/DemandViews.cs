using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Notices;

namespace RightsDesk.Application.Demands;

/// <summary>One row of a list: what a reviewer scans, no personal data.</summary>
public sealed record DemandSummary(
    Guid Id,
    DemandState State,
    DemandKind Kind,
    bool Emergency,
    DateTimeOffset ReceivedAt,
    DateOnly? Deadline,
    bool Overdue,
    string AuthorityName,
    string AuthorityCountry,
    LegalProcess LegalProcess,
    Recommendation? Recommendation,
    bool EscalationRequired,
    bool Restricted,
    string? AssignedTo,
    string? Reference = null)
{
    public static DemandSummary From(DemandRecord r, DateOnly today) => new(
        r.Id, r.State, r.Kind, r.Emergency, r.ReceivedAt, r.Deadline,
        r.Deadline is { } d && d < today && r.State is not (DemandState.Closed or DemandState.Fulfilled),
        r.AuthorityName, r.AuthorityCountry, r.LegalProcess, r.Recommendation, r.EscalationRequired, r.Restricted, r.AssignedTo, r.Reference);
}

/// <summary>What a submitter (the platform's systems, an authority) sees of its own demand: where it stands.</summary>
public sealed record DemandStatusView(Guid Id, DemandState State, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);

public sealed record StepView(DateTimeOffset At, string Actor, WorkflowAction Action, DemandState From, DemandState To, string? Note);

public sealed record DocumentView(Guid Id, string ContentType, long Length, DateTimeOffset UploadedAt);

public sealed record ApprovalView(string ApprovedBy, DateTimeOffset At);

public sealed record DecisionView(Decision Decision, IReadOnlyList<ApprovalView> Approvals);

public sealed record NoticeView(Guid Id, Guid DemandId, int TargetIndex, NoticePlan Plan, NoticeStatus Status, DateOnly? Earliest, DateOnly? ReviewAt, DateTimeOffset? SentAt);

public sealed record PackageView(Guid Id, Guid DecisionId, DateTimeOffset CreatedAt, int ItemCount, string ManifestSha256);

/// <summary>The whole case, for those cleared to see its contents.</summary>
public sealed record DemandView(
    Guid Id,
    DemandState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Restricted,
    string? AssignedTo,
    Demand Demand,
    AssessmentResult? Assessment,
    DecisionView? Decision,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<NoticeView> Notices,
    IReadOnlyList<PackageView> Packages,
    IReadOnlyList<StepView> History,
    IReadOnlyList<WorkflowAction> NextActions,
    DateTimeOffset? AcknowledgedAt = null);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record DecisionRequest(Recommendation? Outcome, string? Reason, IReadOnlyList<DataCategory>? DataCategories, IReadOnlyList<string>? Territories);

public sealed record NoteRequest(string? Note);

public sealed record ApprovalRequest(string? Comment);

public sealed record SendBackRequest(string? Reason);
