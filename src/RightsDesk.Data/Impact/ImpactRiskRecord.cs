using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Impact;

/// <summary>A risk, stored as the validated risk's JSON with its severity score beside it for ordering.</summary>
public sealed class ImpactRiskRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public string Json { get; set; } = "{}";
    public int Severity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class ImpactRiskRecordConfiguration : IEntityTypeConfiguration<ImpactRiskRecord>
{
    public void Configure(EntityTypeBuilder<ImpactRiskRecord> e)
    {
        e.ToTable("impact_risks");
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
