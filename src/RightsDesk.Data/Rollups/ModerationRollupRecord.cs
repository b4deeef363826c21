using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Rollups;

/// <summary>
/// How many stored moderation decisions received in the UTC month starting on <see cref="Day"/> carry one tuple of the report's
/// dimensions. Kept by <see cref="ModerationRollups"/> in the transaction of every save that adds, changes or removes
/// a decision, so the half-year report sums a few thousand rows instead of opening every sealed decision.
/// </summary>
public sealed class ModerationRollupRecord
{
    public DateOnly Day { get; set; }
    public string Category { get; set; } = "";
    public string DecisionGround { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string AutomatedDecision { get; set; } = "";
    /// <summary>The ladder's rung by name, as the decision's column stores it.</summary>
    public string Rung { get; set; } = "";
    /// <summary>Where the measures stand, lower case (held, active, lifted, ended), as the report names them.</summary>
    public string State { get; set; } = "";
    public long Count { get; set; }
}

public sealed class ModerationRollupRecordConfiguration : IEntityTypeConfiguration<ModerationRollupRecord>
{
    public const string Table = "moderation_rollups";

    public void Configure(EntityTypeBuilder<ModerationRollupRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(Table);
        // The whole tuple is the key: the upsert's conflict target, and the day first so a period is one range scan.
        builder.HasKey(x => new { x.Day, x.Category, x.DecisionGround, x.SourceType, x.AutomatedDecision, x.Rung, x.State });
        builder.Property(x => x.Category).HasMaxLength(100);
        builder.Property(x => x.DecisionGround).HasMaxLength(100);
        builder.Property(x => x.SourceType).HasMaxLength(100);
        builder.Property(x => x.AutomatedDecision).HasMaxLength(100);
        builder.Property(x => x.Rung).HasMaxLength(32);
        builder.Property(x => x.State).HasMaxLength(32);
    }
}
