using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Portal;

/// <summary>
/// One registration sent to the portal, kept so registrations can be limited per address and per e-mail domain
/// across every app node (a per-IP limit alone lets anyone with many addresses flood one official's mailbox). The
/// address is kept only as its keyed index; the domain is an authority's, as the officials list already shows.
/// </summary>
public sealed class RegistrationAttempt
{
    public Guid Id { get; set; }
    public string AddressKey { get; set; } = "";
    public string Domain { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public sealed class RegistrationAttemptConfiguration : IEntityTypeConfiguration<RegistrationAttempt>
{
    public void Configure(EntityTypeBuilder<RegistrationAttempt> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("portal_registration_attempts");
        builder.Property(x => x.AddressKey).HasMaxLength(64);
        builder.Property(x => x.Domain).HasMaxLength(253);
        builder.HasIndex(x => new { x.AddressKey, x.At });
        builder.HasIndex(x => new { x.Domain, x.At });
    }
}
