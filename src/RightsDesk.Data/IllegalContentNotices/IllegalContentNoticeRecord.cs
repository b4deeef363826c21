using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Data.IllegalContentNotices;

/// <summary>
/// A notice of illegal content (DSA Art. 16). What the notifier wrote (the content named, the explanation, the law)
/// is sealed under the notice's data key, and their name and address apart from it, so the desk can read a notice
/// without opening who sent it. In clear only what the queue and the figures need.
/// </summary>
public sealed class IllegalContentNoticeRecord
{
    public Guid Id { get; set; }
    /// <summary>The receipt reference the notifier is given ("NTC-7Q4F2A"): it names the notice, it opens nothing.</summary>
    public string Reference { get; set; } = "";
    public NoticeSource Source { get; set; }
    /// <summary>The registry entry of the trusted flagger that sent it.</summary>
    public Guid? FlaggerId { get; set; }
    /// <summary>Who sent it through the API, by ledger name and actor id; the system's channel for the public form.</summary>
    public string SubmittedBy { get; set; } = "";
    public string SubmittedById { get; set; } = "";
    public string Language { get; set; } = "en";
    public int Items { get; set; }
    public bool HasContact { get; set; }
    /// <summary>Hex HMAC of the notifier's address when one was given: the party an Art. 23 measure is about.</summary>
    public string? NotifierIndex { get; set; }
    public NoticeStatus Status { get; set; }
    /// <summary>Part of a cluster of notices against one target that crossed the campaign threshold.</summary>
    public bool PossibleCampaign { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public NoticeOutcome? Outcome { get; set; }
    /// <summary>The moderation decision taken on the notice.</summary>
    public Guid? DecisionId { get; set; }
    public string PolicyVersion { get; set; } = "";
    public Guid Version { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedNotice { get; set; } = [];
    public byte[]? SealedContact { get; set; }
    public byte[]? SealedReason { get; set; }
}

/// <summary>One thing a notice is against (a content item or an account), by keyed HMAC of its canonical form, so
/// notices against the same target can be counted without the target being stored in clear.</summary>
public sealed class NoticeTargetRecord
{
    public Guid Id { get; set; }
    public Guid NoticeId { get; set; }
    public string Kind { get; set; } = "";
    public string TargetIndex { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class IllegalContentNoticeRecordConfiguration : IEntityTypeConfiguration<IllegalContentNoticeRecord>
{
    public void Configure(EntityTypeBuilder<IllegalContentNoticeRecord> e)
    {
        e.ToTable("illegal_content_notices");
        e.Property(x => x.Reference).HasMaxLength(16);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SubmittedBy).HasMaxLength(200);
        e.Property(x => x.SubmittedById).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.PolicyVersion).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.ReceivedAt });
        e.Property(x => x.NotifierIndex).HasMaxLength(64);
        e.HasIndex(x => x.NotifierIndex);
    }
}

internal sealed class NoticeTargetRecordConfiguration : IEntityTypeConfiguration<NoticeTargetRecord>
{
    public void Configure(EntityTypeBuilder<NoticeTargetRecord> e)
    {
        e.ToTable("illegal_content_notice_targets");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.TargetIndex).HasMaxLength(64);
        e.HasIndex(x => new { x.TargetIndex, x.ReceivedAt });
        e.HasIndex(x => x.NoticeId);
    }
}
