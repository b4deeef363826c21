using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>
/// An impact assessment. Lists (scope, assessors, assurance) are JSON in the wire form; the gate reads the scope's
/// countries and products from it. Nothing here is personal: consultations, which may be, are sealed in their own table.
/// </summary>
public sealed class ImpactAssessmentRecord
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public AssessmentTrigger Trigger { get; set; }
    public AssessmentPhase Phase { get; set; }
    public string ScopeJson { get; set; } = "{}";
    public string AssessorsJson { get; set; } = "[]";
    public string? AssuranceJson { get; set; }
    public DateOnly NextReviewDue { get; set; }
    /// <summary>When a second person last signed a review off; null until then (the assessment is not signed).</summary>
    public DateTimeOffset? SignedOffAt { get; set; }
    public string? SignedOffBy { get; set; }
    public string PolicyVersion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class ImpactAssessmentRecordConfiguration : IEntityTypeConfiguration<ImpactAssessmentRecord>
{
    public void Configure(EntityTypeBuilder<ImpactAssessmentRecord> e)
    {
        e.ToTable("impact_assessments");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SignedOffBy).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.PolicyVersion).HasMaxLength(40);
        e.HasIndex(x => x.NextReviewDue);
    }
}
