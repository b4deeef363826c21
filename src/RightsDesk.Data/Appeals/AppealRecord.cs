using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsDesk.Core.Appeals;

namespace RightsDesk.Data.Appeals;

/// <summary>
/// An appeal against a moderation decision. What the appellant wrote (the statement, new information, a contact
/// address) and the reviewer's reasons are sealed under the appeal's own data key; beside them only what the queue
/// and its timers need.
/// </summary>
public sealed class AppealRecord
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public AppealChannel Channel { get; set; }
    public AppealState State { get; set; }
    public AppealOutcome? Outcome { get; set; }
    /// <summary>The appellant's language (a public page language code): the outcome is written in it.</summary>
    public string Language { get; set; } = "en";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ReviewDue { get; set; }
    public string SubmittedBy { get; set; } = "";
    /// <summary>The reviewer's actor id (a person's account id) and name.</summary>
    public string? ReviewerId { get; set; }
    public string? Reviewer { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public bool RestrictionLifted { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedStatement { get; set; } = [];
    public byte[]? SealedNewInformation { get; set; }
    public byte[]? SealedContact { get; set; }
    public byte[]? SealedReasons { get; set; }
}

public sealed class AppealRecordConfiguration : IEntityTypeConfiguration<AppealRecord>
{
    public void Configure(EntityTypeBuilder<AppealRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("appeals");
        builder.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.SubmittedBy).HasMaxLength(200);
        builder.Property(x => x.ReviewerId).HasMaxLength(450);
        builder.Property(x => x.Reviewer).HasMaxLength(200);
        // One appeal per decision: a second complaint about the same decision is the first one, still under review.
        builder.HasIndex(x => x.DecisionId).IsUnique();
        builder.HasIndex(x => new { x.State, x.ReviewDue });
    }
}

/// <summary>An appeal code for a decision, kept only as the SecretCodes lookup key and Argon2id hash.</summary>
public sealed class AppealCodeRecord
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string LookupKey { get; set; } = "";
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

public sealed class AppealCodeRecordConfiguration : IEntityTypeConfiguration<AppealCodeRecord>
{
    public void Configure(EntityTypeBuilder<AppealCodeRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("appeal_codes");
        builder.Property(x => x.LookupKey).HasMaxLength(128);
        builder.HasIndex(x => x.LookupKey).IsUnique();
        builder.HasIndex(x => x.DecisionId);
    }
}
