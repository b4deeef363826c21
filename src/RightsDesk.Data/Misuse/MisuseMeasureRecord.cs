using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Moderation.Misuse;

namespace RightsDesk.Data.Misuse;

/// <summary>
/// A measure against misuse (DSA Art. 23): a warning, or a suspension resting on one. Who the party is (an account id
/// or a notifier's address) and the reasons they were given are sealed under the measure's own data key; beside them,
/// in clear, the party's blind index (so its notices, complaints and decisions are found without opening anyone), the
/// counted facts, the dates and who did what.
/// </summary>
public sealed class MisuseMeasureRecord
{
    public Guid Id { get; set; }
    public MisuseKind Kind { get; set; }
    public MisuseMeasureType Type { get; set; }
    public MisuseParty Party { get; set; }
    /// <summary>Hex HMAC of the party's canonical form: for an account the same index as its moderation decisions'.</summary>
    public string PartyIndex { get; set; } = "";
    public MisuseState State { get; set; }
    public string Language { get; set; } = "en";
    /// <summary>The misused items and everything the party provided or submitted, counted in the window when issued.</summary>
    public int Misused { get; set; }
    public int Total { get; set; }
    public int WindowDays { get; set; }
    public string PolicyVersion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The proposer's actor id: the suspension is confirmed by someone else.</summary>
    public string CreatedById { get; set; } = "";
    /// <summary>For a suspension: the warning it rests on, and its last day.</summary>
    public Guid? WarningId { get; set; }
    public DateOnly? Until { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public string? ConfirmedById { get; set; }
    /// <summary>When and by whom a proposal was declined or a suspension lifted.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>For an account's suspension: the moderation decision (DECISION_ACCOUNT_SUSPENDED) that carries it.</summary>
    public Guid? DecisionId { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedParty { get; set; } = [];
    public byte[] SealedReasons { get; set; } = [];
    public byte[]? SealedCloseReasons { get; set; }
}

public sealed class MisuseMeasureRecordConfiguration : IEntityTypeConfiguration<MisuseMeasureRecord>
{
    public void Configure(EntityTypeBuilder<MisuseMeasureRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("misuse_measures");
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.PartyIndex).HasMaxLength(64);
        // A concurrency token: two people confirming, declining or lifting one measure at once must not both win.
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.PolicyVersion).HasMaxLength(64);
        builder.Property(x => x.CreatedBy).HasMaxLength(200);
        builder.Property(x => x.CreatedById).HasMaxLength(450);
        builder.Property(x => x.ConfirmedBy).HasMaxLength(200);
        builder.Property(x => x.ConfirmedById).HasMaxLength(450);
        builder.Property(x => x.ClosedBy).HasMaxLength(200);
        builder.HasIndex(x => new { x.Party, x.PartyIndex });
        builder.HasIndex(x => x.State);
    }
}
