using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Transparency;

/// <summary>
/// The de-identified records one published version was computed from, kept apart from the version's row
/// (<see cref="TransparencyReportRecord"/>): a half-year holds a record per demand case, tens of megabytes at a
/// hundred thousand cases, which the public page (it lists every version), the next publication (it reads the
/// versions around its period) and the files of a version have no use for. Only `report verify` reads them.
/// Versions published before this table kept theirs in <see cref="TransparencyReportRecord.RecordsText"/>.
/// </summary>
public sealed class TransparencyReportRecordSet
{
    /// <summary>The version these records belong to (<see cref="TransparencyReportRecord.Id"/>).</summary>
    public Guid ReportId { get; set; }

    /// <summary>The records, gzip-compressed (RFC 1952): inside, UTF-8 canonical JSON in ordinal order, one a line
    /// (joined by a line feed, none after the last), byte for byte the text
    /// <see cref="TransparencyReportRecord.RecordsText"/> held. Each line is a leaf of the records root.</summary>
    public byte[] Records { get; set; } = [];
}

public sealed class TransparencyReportRecordSetConfiguration : IEntityTypeConfiguration<TransparencyReportRecordSet>
{
    public const string Table = "transparency_report_records";

    public void Configure(EntityTypeBuilder<TransparencyReportRecordSet> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(Table);
        builder.HasKey(x => x.ReportId);
        // A version is never removed; its records cannot outlive it or exist without it.
        builder.HasOne<TransparencyReportRecord>().WithOne().HasForeignKey<TransparencyReportRecordSet>(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
