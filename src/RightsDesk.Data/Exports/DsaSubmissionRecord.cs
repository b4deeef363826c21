using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Exports;

/// <summary>
/// Where one statement stands with the Transparency Database. <see cref="Sending"/> is written before a call and
/// means "may have arrived": the next run asks the database (existing-puid lookup) before it sends one again, since
/// the database refuses a whole batch for one puid it already has.
/// </summary>
public enum DsaSubmissionState { Sending, Accepted, Refused }

/// <summary>
/// The local ledger of statements sent to the Transparency Database, one row per pseudonymous puid (the puid as
/// sent; the platform's own id never leaves the desk), with the answer it got. It is what lets a run resume after an
/// interruption without sending a puid twice.
/// </summary>
public sealed class DsaSubmissionRecord
{
    /// <summary>The pseudonym sent as puid. The decision it stands for is found by recomputing pseudonyms with the
    /// export key, which is the point: the link is not stored beside it.</summary>
    public string Puid { get; set; } = "";
    /// <summary>The database the statement went to (scheme, host and port), so a test instance's answers do not count for the real one.</summary>
    public string Endpoint { get; set; } = "";
    public DsaSubmissionState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>The last HTTP status the database answered for this statement's call.</summary>
    public int? LastStatus { get; set; }
    /// <summary>The database's reasons for refusing it, by field, as it sent them.</summary>
    public string? Errors { get; set; }
    /// <summary>The database's id for the statement, once accepted.</summary>
    public string? Uuid { get; set; }
    public DateTimeOffset FirstSentAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>When the existing-puid lookup found it there.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
}

public sealed class DsaSubmissionRecordConfiguration : IEntityTypeConfiguration<DsaSubmissionRecord>
{
    public void Configure(EntityTypeBuilder<DsaSubmissionRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("dsa_submissions");
        builder.HasKey(x => new { x.Endpoint, x.Puid });
        builder.Property(x => x.Puid).HasMaxLength(100);
        builder.Property(x => x.Endpoint).HasMaxLength(300);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Errors).HasMaxLength(4000);
        builder.Property(x => x.Uuid).HasMaxLength(64);
        builder.HasIndex(x => new { x.Endpoint, x.State });
    }
}
