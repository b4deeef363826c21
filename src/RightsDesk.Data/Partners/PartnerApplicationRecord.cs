using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Partners;

namespace RightsDesk.Data.Partners;

/// <summary>
/// An organisation's application to be a trusted partner. The organisation's name, areas and countries stay in clear
/// for the desk's list (an organisation applying in public is not a private person); the contact person's name and
/// address and what the organisation wrote are sealed under the application's data key.
/// </summary>
public sealed class PartnerApplicationRecord
{
    public Guid Id { get; set; }
    public string Organisation { get; set; } = "";
    /// <summary>Comma-separated <see cref="ExpertiseArea"/> names.</summary>
    public string Expertise { get; set; } = "";
    /// <summary>Comma-separated ISO 3166-1 alpha-2 codes.</summary>
    public string Countries { get; set; } = "";
    public string Language { get; set; } = "";
    public PartnerApplicationStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? VettedById { get; set; }
    public string? VettedBy { get; set; }
    public DateTimeOffset? VettedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The partner the approval created.</summary>
    public Guid? PartnerId { get; set; }
    public Guid Version { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    /// <summary>JSON of the contact, the website and the organisation's own words, sealed.</summary>
    public byte[] SealedApplication { get; set; } = [];
    /// <summary>The vetting notes of both people, sealed like the application.</summary>
    public byte[]? SealedNotes { get; set; }
}

internal sealed class PartnerApplicationRecordConfiguration : IEntityTypeConfiguration<PartnerApplicationRecord>
{
    public void Configure(EntityTypeBuilder<PartnerApplicationRecord> e)
    {
        e.ToTable("partner_applications");
        e.Property(x => x.Organisation).HasMaxLength(200);
        e.Property(x => x.Expertise).HasMaxLength(400);
        e.Property(x => x.Countries).HasMaxLength(400);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.VettedById).HasMaxLength(200);
        e.Property(x => x.VettedBy).HasMaxLength(200);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.ReceivedAt });
    }
}
