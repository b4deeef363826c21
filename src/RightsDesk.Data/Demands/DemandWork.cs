using Microsoft.EntityFrameworkCore;

namespace RightsDesk.Data.Demands;

/// <summary>An internal note on a case: staff only, sealed under the demand's data key like the rest of the case.</summary>
public sealed class DemandNote
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Author { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public byte[] SealedText { get; set; } = [];
}

/// <summary>
/// One target of a demand, findable without its identifier in clear: hex of HMAC-SHA256 under the key ring's index
/// key of the canonical identifier (<c>Core/Common/Identifiers</c>), so a search never decrypts every case.
/// </summary>
public sealed class DemandTargetIndex
{
    public Guid DemandId { get; set; }
    public int TargetIndex { get; set; }
    public string BlindIndex { get; set; } = "";
}

/// <summary>A person's named list filter, kept as the list page's query string (never a target identifier).</summary>
public sealed class SavedFilter
{
    public Guid Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal static class DemandWork
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<DemandNote>(e =>
        {
            e.ToTable("demand_notes");
            e.Property(x => x.Author).HasMaxLength(200);
            e.Property(x => x.AuthorId).HasMaxLength(450);
            e.HasIndex(x => new { x.DemandId, x.At });
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<DemandTargetIndex>(e =>
        {
            e.ToTable("demand_target_index");
            e.HasKey(x => new { x.DemandId, x.TargetIndex });
            e.Property(x => x.BlindIndex).HasMaxLength(64);
            e.HasIndex(x => x.BlindIndex);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<SavedFilter>(e =>
        {
            e.ToTable("saved_filters");
            e.Property(x => x.OwnerId).HasMaxLength(450);
            e.Property(x => x.Name).HasMaxLength(80);
            e.Property(x => x.Query).HasMaxLength(1000);
            e.HasIndex(x => new { x.OwnerId, x.Name }).IsUnique();
        });
    }
}
