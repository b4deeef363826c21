using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>
/// A review: raised (by the system when a benchmark is off target), conducted by one person, signed off by another.
/// </summary>
public sealed class ImpactReviewRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewCause? Cause { get; set; }
    public Guid? BenchmarkId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string? Summary { get; set; }
    public DateOnly? NextReviewDue { get; set; }
    public string? ConductedById { get; set; }
    public string? ConductedByName { get; set; }
    public DateTimeOffset? ConductedAt { get; set; }
    public string? SignedOffById { get; set; }
    public string? SignedOffByName { get; set; }
    public DateTimeOffset? SignedOffAt { get; set; }
}

internal sealed class ImpactReviewRecordConfiguration : IEntityTypeConfiguration<ImpactReviewRecord>
{
    public void Configure(EntityTypeBuilder<ImpactReviewRecord> e)
    {
        e.ToTable("impact_reviews");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Cause).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ConductedById).HasMaxLength(64);
        e.Property(x => x.ConductedByName).HasMaxLength(200);
        e.Property(x => x.SignedOffById).HasMaxLength(64);
        e.Property(x => x.SignedOffByName).HasMaxLength(200);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
