using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Accounts;

/// <summary>
/// One recovery code of an account, in place of the authenticator code at sign-in, usable once. Only its keyed lookup
/// (an HMAC under the key ring's index key) and a salted Argon2id hash are kept; the code itself was shown once.
/// Identity's own recovery codes are not used: they are stored in clear in AspNetUserTokens.
/// </summary>
public sealed class RecoveryCodeRecord
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string LookupKey { get; set; } = "";
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

public sealed class RecoveryCodeRecordConfiguration : IEntityTypeConfiguration<RecoveryCodeRecord>
{
    public void Configure(EntityTypeBuilder<RecoveryCodeRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("recovery_codes");
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.LookupKey).HasMaxLength(64);
        builder.HasIndex(x => new { x.UserId, x.LookupKey }).IsUnique();
        builder.HasOne<DeskUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
