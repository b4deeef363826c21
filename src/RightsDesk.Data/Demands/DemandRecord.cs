using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Data.Demands;

/// <summary>
/// A stored demand. The columns in clear are what lists are filtered and sorted by and hold no personal data
/// (kind, state, country, dates, the issuing body's name). Everything that can name a person — targets, officer
/// contacts, the reasons given — is inside <see cref="SealedDemand"/>, encrypted under the record's data key.
/// </summary>
public sealed class DemandRecord
{
    public Guid Id { get; set; }
    /// <summary>The short reference people say and write ("RD-2026-000123"), given at intake (<see cref="DemandReferences"/>).</summary>
    public string? Reference { get; set; }
    public DemandKind Kind { get; set; }
    public DemandState State { get; set; }
    public bool Emergency { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly? Deadline { get; set; }
    public string AuthorityCountry { get; set; } = "";
    public string AuthorityName { get; set; } = "";
    public AuthorityType AuthorityType { get; set; }
    public LegalProcess LegalProcess { get; set; }
    public Channel Channel { get; set; }
    public string? AssignedTo { get; set; }
    /// <summary>The assignee's actor id (null on cases assigned before actors had ids: <see cref="AssignedTo"/> then decides).</summary>
    public string? AssignedToId { get; set; }
    /// <summary>Need-to-know compartment: a restricted case (e.g. an at-risk target) is visible only to those assigned.</summary>
    public bool Restricted { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The submitter's actor id (null on demands stored before actors had ids).</summary>
    public string? CreatedById { get; set; }
    /// <summary>The portal account of the official who submitted it, when it came through the authority portal.</summary>
    public string? RequesterUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Recommendation? Recommendation { get; set; }
    public bool EscalationRequired { get; set; }
    public int RequiredApprovals { get; set; }
    public string? PolicyVersion { get; set; }
    public DateTimeOffset? AssessedAt { get; set; }

    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedDemand { get; set; } = [];
    public byte[]? SealedAssessment { get; set; }
    /// <summary>The e-mail address the authority confirmed on a recorded call-back, sealed under the record's data key
    /// (field "callBackEmail"): with no portal account, the one address a letter may be e-mailed to.</summary>
    public byte[]? SealedCallBackEmail { get; set; }
    /// <summary>When the acknowledgement of receipt went to the authority (null until it has): the time to inform the
    /// authority of receipt is measured from <see cref="ReceivedAt"/> to here.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>SHA-256 of the caller's idempotency key (scoped to the caller), so a retry returns the first demand.</summary>
    public byte[]? IdempotencyHash { get; set; }
    /// <summary>SHA-256 of the request body, to tell a retry from a different request reusing a key.</summary>
    public byte[]? RequestHash { get; set; }

    public Guid Version { get; set; }

    public List<DemandStep> Steps { get; set; } = [];
}

/// <summary>One timestamped step of the case: who moved it from where to where, and why.</summary>
public sealed class DemandStep
{
    public long Id { get; set; }
    public Guid DemandId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public WorkflowAction Action { get; set; }
    public DemandState From { get; set; }
    public DemandState To { get; set; }
    /// <summary>Free text can name people, so it is sealed under the demand's data key.</summary>
    public byte[]? SealedNote { get; set; }
}

public sealed class DocumentRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedFileName { get; set; } = [];
    public byte[] SealedContent { get; set; } = [];
}

public sealed class DecisionRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public Recommendation Outcome { get; set; }
    public string DecidedBy { get; set; } = "";
    /// <summary>The decider's actor id, which four eyes compares (null on decisions stored before actors had ids).</summary>
    public string? DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public bool DepartsFromRecommendation { get; set; }
    public int RequiredApprovals { get; set; }
    /// <summary>The <see cref="Decision"/> as JSON, sealed: its reason can name people.</summary>
    public byte[] SealedDecision { get; set; } = [];
    /// <summary>Set when a reviewer sends the decision back; a superseded decision is kept, never deleted.</summary>
    public bool Superseded { get; set; }
    public List<ApprovalRecord> Approvals { get; set; } = [];
}

public sealed class ApprovalRecord
{
    public long Id { get; set; }
    public Guid DecisionId { get; set; }
    public string ApprovedBy { get; set; } = "";
    /// <summary>The approver's actor id (null on approvals stored before actors had ids).</summary>
    public string? ApprovedById { get; set; }
    /// <summary>The approver's role when approving: an escalated case needs the escalation role among its approvers.</summary>
    public string? ApproverRole { get; set; }
    public DateTimeOffset At { get; set; }
    public byte[]? SealedComment { get; set; }
}

public enum LetterStatus { Draft, Sent }

public sealed class LetterRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public string Kind { get; set; } = "";
    public string Language { get; set; } = "en";
    public LetterStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public byte[] SealedSubject { get; set; } = [];
    public byte[] SealedBody { get; set; } = [];
}

public sealed class DisclosurePackageRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public Guid DecisionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int ItemCount { get; set; }
    public string ManifestSha256 { get; set; } = "";
    /// <summary>The manifest and the data fetched through the connector, sealed under the demand's data key.</summary>
    public byte[] SealedPackage { get; set; } = [];
}
