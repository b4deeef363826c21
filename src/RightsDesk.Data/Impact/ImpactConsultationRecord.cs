using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>
/// A consultation. The group, country, method, day and head count stay in clear for the engagement counts; who took
/// part, the precautions, the issues raised and what was reported back are sealed under the record's own data key,
/// as demands are.
/// </summary>
public sealed class ImpactConsultationRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public string Group { get; set; } = "";
    public string Country { get; set; } = "";
    public ConsultationMethod Method { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Participants { get; set; }
    public string RisksJson { get; set; } = "[]";
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedBody { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class ImpactConsultationRecordConfiguration : IEntityTypeConfiguration<ImpactConsultationRecord>
{
    public void Configure(EntityTypeBuilder<ImpactConsultationRecord> e)
    {
        e.ToTable("impact_consultations");
        e.Property(x => x.Group).HasMaxLength(60);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
