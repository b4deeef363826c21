using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Data.IllegalContentNotices;

/// <summary>
/// A notifier's complaint about the decision on their notice. Its text and the reasons of its outcome are sealed under
/// the notice's own data key (the notice's wrapped key, rewrapped with it on key rotation), so a complaint is never
/// readable where the notice is not.
/// </summary>
public sealed class NoticeComplaintRecord
{
    public Guid Id { get; set; }
    public Guid NoticeId { get; set; }
    /// <summary>What the complaint is against: the outcome the notifier was told.</summary>
    public NoticeOutcome Against { get; set; }
    public NoticeComplaintState State { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Guid Version { get; set; }
    public byte[] SealedText { get; set; } = [];
    public byte[]? SealedReasons { get; set; }
}

/// <summary>A complaint code mailed to the notifier with a decision: stored as a slow hash behind a lookup key, as
/// appeal codes are.</summary>
public sealed class NoticeComplaintCodeRecord
{
    public Guid Id { get; set; }
    public Guid NoticeId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string LookupKey { get; set; } = "";
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

internal sealed class NoticeComplaintRecordConfiguration : IEntityTypeConfiguration<NoticeComplaintRecord>
{
    public void Configure(EntityTypeBuilder<NoticeComplaintRecord> e)
    {
        e.ToTable("illegal_content_notice_complaints");
        e.Property(x => x.Against).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.NoticeId, x.SubmittedAt });
        e.HasIndex(x => x.State);
    }
}

internal sealed class NoticeComplaintCodeRecordConfiguration : IEntityTypeConfiguration<NoticeComplaintCodeRecord>
{
    public void Configure(EntityTypeBuilder<NoticeComplaintCodeRecord> e)
    {
        e.ToTable("illegal_content_notice_complaint_codes");
        e.Property(x => x.LookupKey).HasMaxLength(128);
        e.HasIndex(x => x.LookupKey).IsUnique();
        e.HasIndex(x => x.NoticeId);
    }
}
