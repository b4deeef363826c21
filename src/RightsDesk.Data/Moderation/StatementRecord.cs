using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Data.Moderation;

/// <summary>
/// A statement of reasons sent to the affected user. The text is sealed with the appeal code masked: the code is
/// given to the user once, through the outbox, and only its lookup key and slow hash stay here, for the appeal page
/// to verify it (Application/SecretCodes).
/// </summary>
public sealed class StatementRecord
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    /// <summary>1 for the first statement; 2 for the one that says what a gag kept out of it.</summary>
    public int Version { get; set; }
    public string Language { get; set; } = "en";
    public DateTimeOffset IssuedAt { get; set; }
    /// <summary>The last day the user may appeal (policy's appealDays, at least six months, from the issue date).</summary>
    public DateOnly AppealBy { get; set; }
    public GovernmentMention Government { get; set; }
    /// <summary>When the gag on the linked demand ends, while this statement leaves the government out.</summary>
    public DateOnly? GagUntil { get; set; }
    public string AppealLookupKey { get; set; } = "";
    public byte[] AppealSalt { get; set; } = [];
    public byte[] AppealHash { get; set; } = [];
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedSubject { get; set; } = [];
    public byte[] SealedBody { get; set; } = [];
}

public sealed class StatementRecordConfiguration : IEntityTypeConfiguration<StatementRecord>
{
    public void Configure(EntityTypeBuilder<StatementRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("moderation_statements");
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.Government).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.AppealLookupKey).HasMaxLength(64);
        builder.HasIndex(x => x.AppealLookupKey).IsUnique();
        builder.HasIndex(x => new { x.DecisionId, x.Version }).IsUnique();
        builder.HasIndex(x => x.GagUntil);
    }
}
