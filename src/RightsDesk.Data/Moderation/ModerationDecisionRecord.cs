using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Data.Moderation;

/// <summary>Where a measure stands: held for a person, in force, lifted by one, or ended on its end date.</summary>
public enum ModerationState { Held, Active, Lifted, Ended }

/// <summary>What the platform reported when it carried out an instruction to apply a measure.</summary>
public enum PlatformResult { Applied, Failed }

/// <summary>
/// A stored moderation decision. The decision itself (facts, grounds, the account) is sealed whole under its own
/// data key; the columns beside it are the vocabulary's values and the ladder's verdict, which lists and counts need
/// and which say nothing about a person.
/// </summary>
public sealed class ModerationDecisionRecord
{
    public Guid Id { get; set; }
    /// <summary>The platform's unique id: idempotency and the Transparency Database's key.</summary>
    public string Puid { get; set; } = "";
    /// <summary>SHA-256 of the decision as read (canonical JSON): the same puid with another body is refused.</summary>
    public string BodySha256 { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    /// <summary>The reporter's actor id (a person's account or a machine's token): who may not review it.</summary>
    public string SubmittedById { get; set; } = "";
    public string Category { get; set; } = "";
    public string DecisionGround { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string AutomatedDecision { get; set; } = "";
    public Rung Rung { get; set; }
    public Rung DefaultRung { get; set; }
    public ModerationAction Action { get; set; }
    public ModerationState State { get; set; }
    /// <summary>The ladder's finding codes, comma-separated.</summary>
    public string Findings { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public DateOnly ApplicationDate { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? ReviewDue { get; set; }
    public bool ReachesEea { get; set; }
    public Guid? DemandId { get; set; }
    /// <summary>The Art. 16 notice the decision follows, when the platform named it (noticeId).</summary>
    public Guid? NoticeId { get; set; }
    public string UserLanguage { get; set; } = "en";
    /// <summary>Hex HMAC of the account's canonical form under the index key: an account's history without its name.</summary>
    public string? AccountIndex { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>The reviewing person's actor id: an appeal goes to someone else.</summary>
    public string? ReviewedById { get; set; }
    /// <summary>Two distinct people must confirm it before it is applied (an account on the at-risk registry). The
    /// platform is never told why: its answer is the same hold as for any other held measure.</summary>
    public bool SecondReviewRequired { get; set; }
    public string? FirstConfirmedBy { get; set; }
    /// <summary>The first of two confirming people, by actor id; the second must be someone else.</summary>
    public string? FirstConfirmedById { get; set; }
    public DateTimeOffset? FirstConfirmedAt { get; set; }
    /// <summary>What the platform last reported about applying the measure, and when.</summary>
    public PlatformResult? PlatformResult { get; set; }
    public DateTimeOffset? PlatformReportedAt { get; set; }
    /// <summary>The day a time-bound measure was ended by the scheduled job.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    /// <summary>The platform's description of a failed application (its free text).</summary>
    public byte[]? SealedPlatformFailure { get; set; }
    /// <summary>For a decision made from a demand: the demand's target (type and id) the platform must act on.</summary>
    public byte[]? SealedTarget { get; set; }
    public byte[] SealedDecision { get; set; } = [];
    public byte[]? SealedReviewReason { get; set; }
}

public sealed class ModerationDecisionRecordConfiguration : IEntityTypeConfiguration<ModerationDecisionRecord>
{
    public void Configure(EntityTypeBuilder<ModerationDecisionRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("moderation_decisions");
        builder.Property(x => x.Puid).HasMaxLength(500);
        builder.HasIndex(x => x.Puid).IsUnique();
        builder.Property(x => x.BodySha256).HasMaxLength(64);
        builder.Property(x => x.SubmittedBy).HasMaxLength(200);
        builder.Property(x => x.SubmittedById).HasMaxLength(450);
        builder.Property(x => x.Category).HasMaxLength(80);
        builder.Property(x => x.DecisionGround).HasMaxLength(40);
        builder.Property(x => x.SourceType).HasMaxLength(40);
        builder.Property(x => x.AutomatedDecision).HasMaxLength(40);
        builder.Property(x => x.Rung).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.DefaultRung).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        // A concurrency token: the end-date job on several nodes, or a person and the job, must not both move a measure.
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(x => x.PlatformResult).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.FirstConfirmedBy).HasMaxLength(200);
        builder.Property(x => x.FirstConfirmedById).HasMaxLength(450);
        builder.HasIndex(x => new { x.State, x.EndsOn });
        builder.Property(x => x.Findings).HasMaxLength(400);
        builder.Property(x => x.PolicyVersion).HasMaxLength(40);
        builder.Property(x => x.UserLanguage).HasMaxLength(10);
        builder.Property(x => x.AccountIndex).HasMaxLength(64);
        builder.Property(x => x.ReviewedBy).HasMaxLength(200);
        builder.Property(x => x.ReviewedById).HasMaxLength(450);
        builder.HasIndex(x => x.AccountIndex);
        builder.HasIndex(x => new { x.State, x.ReceivedAt });
        // The DSA export pages a period by day and id: each page is a range of this index, not a sort of the period.
        builder.HasIndex(x => new { x.ApplicationDate, x.Id });
        builder.HasIndex(x => x.NoticeId);
        // The rollup's guard counts a period's decisions by date received; this index answers it without the sealed rows.
        builder.HasIndex(x => x.ReceivedAt);
    }
}
