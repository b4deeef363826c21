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
    }
}
