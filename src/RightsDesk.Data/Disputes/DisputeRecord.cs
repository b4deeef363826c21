using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Disputes;

namespace RightsDesk.Data.Disputes;

/// <summary>
/// A referral of a moderation decision to a certified out-of-court dispute settlement body (DSA Art. 21), and the
/// body's outcome. The body's reasons are sealed under the referral's own data key; the body's name and Member State
/// are public facts about an institution, so they stay beside the dates and the outcome the report counts.
/// </summary>
public sealed class DisputeRecord
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    /// <summary>The appeal decided before the referral, when there was one (the user may go straight to a body).</summary>
    public Guid? AppealId { get; set; }
    public DisputeSide Side { get; set; }
    public string BodyName { get; set; } = "";
    public string BodyMemberState { get; set; } = "";
    public DateOnly ReferredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public DisputeState State { get; set; }
    public DisputeOutcome? Outcome { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateTimeOffset? OutcomeRecordedAt { get; set; }
    public string? OutcomeRecordedBy { get; set; }
    public bool RestrictionLifted { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[]? SealedReasons { get; set; }
}

public sealed class DisputeRecordConfiguration : IEntityTypeConfiguration<DisputeRecord>
{
    public void Configure(EntityTypeBuilder<DisputeRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("disputes");
        builder.Property(x => x.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.BodyName).HasMaxLength(200);
        builder.Property(x => x.BodyMemberState).HasMaxLength(2);
        builder.Property(x => x.RecordedBy).HasMaxLength(200);
        builder.Property(x => x.OutcomeRecordedBy).HasMaxLength(200);
        // A concurrency token: two people (or the platform and a person) recording the outcome at once must not both win.
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(x => x.DecisionId);
        builder.HasIndex(x => x.ReferredOn);
    }
}
