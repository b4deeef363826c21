using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>
/// A recommendation of an assessment and the policy change it became. People are kept by id (what the kernel
/// compares) and by user name (what people read); the proposal's file and content hash link it to the policy.
/// </summary>
public sealed class ImpactRecommendationRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public RecommendationKind Kind { get; set; }
    public string Country { get; set; } = "";
    public string DemandKindsJson { get; set; } = "[]";
    public string Reasons { get; set; } = "";
    public string RisksJson { get; set; } = "[]";
    public RecommendationState State { get; set; }
    public string RecordedById { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string? PolicyFile { get; set; }
    public string? ProposedSha256 { get; set; }
    public string? ProposedById { get; set; }
    public string? ProposedByName { get; set; }
    public DateTimeOffset? ProposedAt { get; set; }
    public string? ApprovedById { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? PolicyVersion { get; set; }
}

internal sealed class ImpactRecommendationRecordConfiguration : IEntityTypeConfiguration<ImpactRecommendationRecord>
{
    public void Configure(EntityTypeBuilder<ImpactRecommendationRecord> e)
    {
        e.ToTable("impact_recommendations");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.DemandKindsJson).HasMaxLength(200);
        e.Property(x => x.Reasons).HasMaxLength(2000);
        e.Property(x => x.RecordedById).HasMaxLength(64);
        e.Property(x => x.RecordedByName).HasMaxLength(200);
        e.Property(x => x.PolicyFile).HasMaxLength(100);
        e.Property(x => x.ProposedSha256).HasMaxLength(64);
        e.Property(x => x.ProposedById).HasMaxLength(64);
        e.Property(x => x.ProposedByName).HasMaxLength(200);
        e.Property(x => x.ApprovedById).HasMaxLength(64);
        e.Property(x => x.ApprovedByName).HasMaxLength(200);
        e.Property(x => x.PolicyVersion).HasMaxLength(100);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
