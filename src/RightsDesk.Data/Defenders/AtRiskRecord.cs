using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Defenders;

namespace RightsDesk.Data.Defenders;

/// <summary>
/// A person on the at-risk registry. What identifies them lives in <see cref="AtRiskIdentifierRecord"/> rows, sealed
/// under this person's data key; the note is sealed too. Category, source, consent, review day, visibility and the
/// four-eyes trail stay in clear: they say nothing about who the person is.
/// </summary>
public sealed class AtRiskPersonRecord
{
    public Guid Id { get; set; }
    public string Category { get; set; } = "";
    public AtRiskSource Source { get; set; }
    public bool Consent { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public DateOnly ReviewOn { get; set; }
    public AtRiskVisibility VisibleTo { get; set; }
    public string? Country { get; set; }
    public AtRiskStatus Status { get; set; }
    public string? ProposedById { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public string? ApprovedById { get; set; }
    public string? ApprovedBy { get; set; }
    public string? RemovalProposedById { get; set; }
    public string? RemovalProposedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Changed on every save, so two people approving at once cannot both win.</summary>
    public Guid Version { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[]? SealedNote { get; set; }
    public List<AtRiskIdentifierRecord> Identifiers { get; set; } = [];
}

/// <summary>One identifier of a registry person: found by <see cref="BlindIndex"/> (HMAC of its canonical form under
/// the index key), read back from <see cref="SealedValue"/> by those cleared.</summary>
public sealed class AtRiskIdentifierRecord
{
    /// <summary>The canonical form the current index is keyed on; rows of an earlier form are re-indexed at start-up.</summary>
    public const int CurrentIndexVersion = 1;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public IdentifierKind Kind { get; set; }
    public string BlindIndex { get; set; } = "";
    public int IndexVersion { get; set; }
    public byte[] SealedValue { get; set; } = [];
}

internal sealed class AtRiskPersonRecordConfiguration : IEntityTypeConfiguration<AtRiskPersonRecord>
{
    public void Configure(EntityTypeBuilder<AtRiskPersonRecord> e)
    {
        e.ToTable("at_risk_people");
        e.Property(x => x.Category).HasMaxLength(40);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.VisibleTo).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.ProposedById).HasMaxLength(450);
        e.Property(x => x.ProposedBy).HasMaxLength(200);
        e.Property(x => x.ApprovedById).HasMaxLength(450);
        e.Property(x => x.ApprovedBy).HasMaxLength(200);
        e.Property(x => x.RemovalProposedById).HasMaxLength(450);
        e.Property(x => x.RemovalProposedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.ReviewOn });
        e.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AtRiskIdentifierRecordConfiguration : IEntityTypeConfiguration<AtRiskIdentifierRecord>
{
    public void Configure(EntityTypeBuilder<AtRiskIdentifierRecord> e)
    {
        e.ToTable("at_risk_identifiers");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.BlindIndex).HasMaxLength(64);
        e.HasIndex(x => x.BlindIndex);
        e.HasIndex(x => x.IndexVersion);
    }
}
