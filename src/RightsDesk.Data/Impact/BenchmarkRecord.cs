using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Impact;

namespace RightsDesk.Data.Impact;

/// <summary>A benchmark: a mitigation or commitment bound to a registered metric, with baseline, target and direction.</summary>
public sealed class BenchmarkRecord
{
    public Guid Id { get; set; }
    public Guid AssessmentId { get; set; }
    public string Title { get; set; } = "";
    public string Metric { get; set; } = "";
    public string? Country { get; set; }
    public Guid? MitigationId { get; set; }
    public string? Commitment { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public BenchmarkDirection Direction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class BenchmarkRecordConfiguration : IEntityTypeConfiguration<BenchmarkRecord>
{
    public void Configure(EntityTypeBuilder<BenchmarkRecord> e)
    {
        e.ToTable("impact_benchmarks");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Metric).HasMaxLength(64);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Commitment).HasMaxLength(2000);
        e.Property(x => x.Baseline).HasPrecision(18, 4);
        e.Property(x => x.Target).HasPrecision(18, 4);
        e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.AssessmentId);
        e.HasOne<ImpactAssessmentRecord>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
