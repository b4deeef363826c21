using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>A mitigation. The owner is an account, kept by id (what the kernel compares) and by user name (what people read).</summary>
public sealed class ImpactMitigationRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public string Title { get; set; } = "";
    public string RisksJson { get; set; } = "[]";
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public DateOnly Due { get; set; }
    public MitigationMeasure? Measure { get; set; }
    public MitigationStatus Status { get; set; }
    public string? Reason { get; set; }
    public string EvidenceJson { get; set; } = "[]";
    public string? StatusById { get; set; }
    public string? StatusByName { get; set; }
    public DateTimeOffset? StatusAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ImpactMitigationRecordConfiguration : IEntityTypeConfiguration<ImpactMitigationRecord>
{
    public void Configure(EntityTypeBuilder<ImpactMitigationRecord> e)
    {
        e.ToTable("impact_mitigations");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.OwnerId).HasMaxLength(64);
        e.Property(x => x.OwnerName).HasMaxLength(200);
        e.Property(x => x.StatusById).HasMaxLength(64);
        e.Property(x => x.StatusByName).HasMaxLength(200);
        e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
