using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Data.Defenders;

/// <summary>
/// An incident from the public incident channel. What the reporter wrote (description, accounts, content, how to
/// reach them) is sealed under the incident's data key; types, severity, status and times stay in clear for the
/// queue and the figures. No column holds an address or a browser's name: the channel never learns them.
/// </summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    /// <summary>A short reference staff say to one another ("INC-7Q4F2A"); not the receipt, which opens the case.</summary>
    public string Reference { get; set; } = "";
    public string ReceiptLookup { get; set; } = "";
    public byte[] ReceiptSalt { get; set; } = [];
    public byte[] ReceiptHash { get; set; } = [];
    /// <summary>Comma-separated <see cref="IncidentType"/> names, in clear for counting by type.</summary>
    public string Types { get; set; } = "";
    public IncidentUrgency Urgency { get; set; }
    public bool PhysicalDanger { get; set; }
    public ContactChannel Contact { get; set; }
    public bool RegistryRequested { get; set; }
    public bool NamesAtRiskPerson { get; set; }
    /// <summary>The registry entry proposed from the reporter's own request, waiting for a person's approval.</summary>
    public Guid? RegistryEntryId { get; set; }
    /// <summary>The trusted partner who flagged this case (null: the public channel). Partner flags come first in the queue.</summary>
    public Guid? PartnerId { get; set; }
    public string Severity { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public IncidentStatus Status { get; set; }
    public string? Country { get; set; }
    public string Language { get; set; } = "";
    public string? Assignee { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    /// <summary>JSON of the report's free text and identifiers, sealed.</summary>
    public byte[] SealedReport { get; set; } = [];
    public List<IncidentMessageRecord> Messages { get; set; } = [];
}

/// <summary>Who wrote a message of an incident's thread.</summary>
public enum IncidentAuthor { Reporter, Desk }

/// <summary>One message between the reporter (through the receipt code) and the desk, sealed under the incident's key.</summary>
public sealed class IncidentMessageRecord
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public IncidentAuthor Author { get; set; }
    /// <summary>The desk's person, by ledger name; never shown to the reporter.</summary>
    public string? StaffName { get; set; }
    public DateTimeOffset At { get; set; }
    public byte[] SealedText { get; set; } = [];
}

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> e)
    {
        e.ToTable("incidents");
        e.Property(x => x.Reference).HasMaxLength(16);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.ReceiptLookup).HasMaxLength(64);
        e.HasIndex(x => x.ReceiptLookup).IsUnique();
        e.Property(x => x.Types).HasMaxLength(200);
        e.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Contact).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Severity).HasMaxLength(4);
        e.Property(x => x.PolicyVersion).HasMaxLength(64);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.Assignee).HasMaxLength(200);
        e.Property(x => x.Outcome).HasMaxLength(40);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.Severity, x.ReceivedAt });
        e.HasIndex(x => x.PartnerId);
        e.HasMany(x => x.Messages).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentMessageRecordConfiguration : IEntityTypeConfiguration<IncidentMessageRecord>
{
    public void Configure(EntityTypeBuilder<IncidentMessageRecord> e)
    {
        e.ToTable("incident_messages");
        e.Property(x => x.Author).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.StaffName).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.At });
    }
}
