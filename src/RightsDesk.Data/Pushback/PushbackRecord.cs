using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Pushback;

namespace RightsDesk.Data.Pushback;

/// <summary>
/// A legal challenge, an advocacy request or a refusal of a legal order. Offences and demands are JSON lists (a record
/// concerns a handful); the demand page finds records by the demand's country or by its id in the list. The subject,
/// court and case number are matters of public record; the summary is desk-only and never published.
/// </summary>
public sealed class PushbackRecord
{
    public Guid Id { get; set; }
    public PushbackKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Country { get; set; } = "";
    public string OffencesJson { get; set; } = "[]";
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }
    public AdvocacyTarget? Target { get; set; }
    public PushbackStatus Status { get; set; }
    public PushbackOutcome? Outcome { get; set; }
    public DateOnly Started { get; set; }
    public DateOnly? Concluded { get; set; }
    public string DemandsJson { get; set; } = "[]";
    public string? Summary { get; set; }
    public string PolicyVersion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PushbackRecordConfiguration : IEntityTypeConfiguration<PushbackRecord>
{
    public void Configure(EntityTypeBuilder<PushbackRecord> e)
    {
        e.ToTable("pushback_records");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.OffencesJson).HasMaxLength(4000);
        e.Property(x => x.Court).HasMaxLength(200);
        e.Property(x => x.CaseNumber).HasMaxLength(100);
        e.Property(x => x.Target).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.PolicyVersion).HasMaxLength(40);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.Country);
    }
}
