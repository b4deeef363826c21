using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Impact;

/// <summary>One reading: the value, when it was taken, and the ledger's size it was computed at.</summary>
public sealed class BenchmarkReadingRecord
{
    public Guid Id { get; set; }
    public Guid BenchmarkId { get; set; }
    public decimal Value { get; set; }
    public DateTimeOffset At { get; set; }
    public long TreeSize { get; set; }
    public bool OnTarget { get; set; }
}

internal sealed class BenchmarkReadingRecordConfiguration : IEntityTypeConfiguration<BenchmarkReadingRecord>
{
    public void Configure(EntityTypeBuilder<BenchmarkReadingRecord> e)
    {
        e.ToTable("impact_benchmark_readings");
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.HasIndex(x => new { x.BenchmarkId, x.At });
        e.HasOne<BenchmarkRecord>().WithMany().HasForeignKey(x => x.BenchmarkId).OnDelete(DeleteBehavior.Restrict);
    }
}
