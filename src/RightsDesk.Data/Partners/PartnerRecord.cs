using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Partners;

/// <summary>
/// A vetted trusted partner: the organisation, its areas and countries, and the account its person signs in with
/// (an Identity account of kind Partner, with password and authenticator like every other).
/// </summary>
public sealed class PartnerRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string UserId { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Expertise { get; set; } = "";
    public string Countries { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
    /// <summary>The first person's proposal to end the partner's standing (four eyes, as vetting): who, when, why.</summary>
    public string? RevocationProposedBy { get; set; }
    public string? RevocationProposedById { get; set; }
    public DateTimeOffset? RevocationProposedAt { get; set; }
    public string? RevocationReason { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}

internal sealed class PartnerRecordConfiguration : IEntityTypeConfiguration<PartnerRecord>
{
    public void Configure(EntityTypeBuilder<PartnerRecord> e)
    {
        e.ToTable("partners");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.ApplicationId).IsUnique();
        e.Property(x => x.Organisation).HasMaxLength(200);
        e.Property(x => x.Expertise).HasMaxLength(400);
        e.Property(x => x.Countries).HasMaxLength(400);
        e.Property(x => x.RevocationProposedBy).HasMaxLength(200);
        e.Property(x => x.RevocationProposedById).HasMaxLength(450);
        e.Property(x => x.RevocationReason).HasMaxLength(500);
        e.Property(x => x.RevokedBy).HasMaxLength(200);
    }
}
