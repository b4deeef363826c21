using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.IllegalContentNotices;

/// <summary>
/// The registry of trusted flaggers (DSA Art. 22): an organisation, the Digital Services Coordinator that designated
/// it (by member state, as the Commission's published list names them) and the machine token it sends notices with.
/// Revoking the token ends its standing; the entry stays for the record.
/// </summary>
public sealed class TrustedFlaggerRecord
{
    public Guid Id { get; set; }
    public string Organisation { get; set; } = "";
    /// <summary>The member state whose coordinator designated the flagger (ISO 3166-1 alpha-2).</summary>
    public string Country { get; set; } = "";
    /// <summary>The coordinator's name as designated, e.g. "Coimisiún na Meán".</summary>
    public string Coordinator { get; set; } = "";
    public DateOnly DesignatedOn { get; set; }
    public Guid TokenId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class TrustedFlaggerRecordConfiguration : IEntityTypeConfiguration<TrustedFlaggerRecord>
{
    public void Configure(EntityTypeBuilder<TrustedFlaggerRecord> e)
    {
        e.ToTable("trusted_flaggers");
        e.Property(x => x.Organisation).HasMaxLength(200);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Coordinator).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => x.TokenId).IsUnique();
    }
}
