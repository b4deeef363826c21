using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Transparency;

/// <summary>
/// One published version of a transparency report. Every version is kept: a correction is a new row with the next
/// version number and the list of figures it changed; nothing here is ever updated. Everything in it is public (the
/// banded figures, hashes, the tree head), so nothing is sealed.
/// </summary>
public sealed class TransparencyReportRecord
{
    public Guid Id { get; set; }
    /// <summary>"2026", "2026-H1" or "2026-H2".</summary>
    public string Period { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public int Threshold { get; set; }
    public string PolicyVersion { get; set; } = "";
    /// <summary>SHA-256 (hex) of the canonical parameters: period, threshold, policy version, sources.</summary>
    public string ParametersSha256 { get; set; } = "";
    /// <summary>The signed tree head the report was computed at.</summary>
    public long TreeSize { get; set; }
    public string TreeRoot { get; set; } = "";
    public DateTimeOffset TreeTimestamp { get; set; }
    public string TreeSignature { get; set; } = "";
    public string TreeKeyId { get; set; } = "";
    /// <summary>RFC 6962 Merkle root (hex) over the de-identified case records the figures were computed from.</summary>
    public string RecordsRoot { get; set; } = "";
    public int RecordCount { get; set; }
    /// <summary>The de-identified records themselves (canonical JSON, sorted, one a line), kept so `report verify` can
    /// recompute the figures from exactly the set the records root commits to, however the cases move on later. They
    /// are not published: counted one by one they would undo the small-number bands.</summary>
    public string RecordsText { get; set; } = "";
    /// <summary>The published figures as JSON (<c>Application/Transparency/ReportJson</c>).</summary>
    public string FiguresJson { get; set; } = "";
    public string FiguresSha256 { get; set; } = "";
    /// <summary>The figures this version changed from the one before, one key per line; empty for a first version.</summary>
    public string Changes { get; set; } = "";
}

public sealed class TransparencyReportConfiguration : IEntityTypeConfiguration<TransparencyReportRecord>
{
    public void Configure(EntityTypeBuilder<TransparencyReportRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("transparency_reports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Period).HasMaxLength(7);
        builder.Property(x => x.PublishedBy).HasMaxLength(200);
        builder.Property(x => x.PolicyVersion).HasMaxLength(80);
        builder.Property(x => x.ParametersSha256).HasMaxLength(64);
        builder.Property(x => x.TreeRoot).HasMaxLength(64);
        builder.Property(x => x.TreeSignature).HasMaxLength(200);
        builder.Property(x => x.TreeKeyId).HasMaxLength(64);
        builder.Property(x => x.RecordsRoot).HasMaxLength(64);
        builder.Property(x => x.FiguresSha256).HasMaxLength(64);
        // Two publishers racing for the same next version: one wins, the other retries with the one after.
        builder.HasIndex(x => new { x.Period, x.Version }).IsUnique();
    }
}
