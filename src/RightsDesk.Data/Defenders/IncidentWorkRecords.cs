using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Data.Defenders;

/// <summary>An action the desk took on an incident (in clear: a code, who, when).</summary>
public sealed class IncidentActionRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public IncidentAction Action { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A link from an incident to a demand or a moderation decision of the platform.</summary>
public sealed class IncidentLinkRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public IncidentLinkKind Kind { get; set; }
    public Guid TargetId { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A file the reporter attached: the copy stripped of metadata, sealed under the incident's key, and the original
/// only when the reporter agreed to its being kept. The file's name is never stored: names carry identities.
/// </summary>
public sealed class IncidentAttachmentRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public string ContentType { get; set; } = "";
    public long Bytes { get; set; }
    public string CleanSha256 { get; set; } = "";
    public byte[] SealedClean { get; set; } = [];
    public string? OriginalSha256 { get; set; }
    public byte[]? SealedOriginal { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class IncidentActionRecordConfiguration : IEntityTypeConfiguration<IncidentActionRecord>
{
    public void Configure(EntityTypeBuilder<IncidentActionRecord> e)
    {
        e.ToTable("incident_actions");
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.By).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.At });
        e.HasOne<IncidentRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentLinkRecordConfiguration : IEntityTypeConfiguration<IncidentLinkRecord>
{
    public void Configure(EntityTypeBuilder<IncidentLinkRecord> e)
    {
        e.ToTable("incident_links");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.By).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.Kind, x.TargetId }).IsUnique();
        e.HasOne<IncidentRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentAttachmentRecordConfiguration : IEntityTypeConfiguration<IncidentAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentAttachmentRecord> e)
    {
        e.ToTable("incident_attachments");
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.CleanSha256).HasMaxLength(64);
        e.Property(x => x.OriginalSha256).HasMaxLength(64);
        e.HasIndex(x => new { x.IncidentId, x.At });
        e.HasOne<IncidentRecord>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
