using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Rollups;

/// <summary>
/// One demand case as the transparency report counts it: its de-identified report record (the canonical JSON of a
/// <c>DemandFact</c>: country, authority type, legal process, emergency, outcome, counts, hours; the case named by a
/// keyed hash only), kept by <see cref="IDemandRollup"/> in the transaction of every ledgered save that touches the
/// case, so the half-year report reads these small rows instead of opening and decrypting every sealed case.
/// </summary>
public sealed class DemandRollupRecord
{
    public Guid DemandId { get; set; }
    /// <summary>The case's date received, for the period's range scan.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The policy the record was computed under (the offence categories come from it): a row of another
    /// version is stale, and the report then reads the cases themselves.</summary>
    public string PolicyVersion { get; set; } = "";
    public string Fact { get; set; } = "";
}

public sealed class DemandRollupRecordConfiguration : IEntityTypeConfiguration<DemandRollupRecord>
{
    public const string Table = "demand_rollups";

    public void Configure(EntityTypeBuilder<DemandRollupRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(Table);
        builder.HasKey(x => x.DemandId);
        builder.HasIndex(x => x.ReceivedAt);
        builder.Property(x => x.PolicyVersion).HasMaxLength(64);
        builder.Property(x => x.Fact).HasMaxLength(4000);
    }
}

/// <summary>
/// Keeps <see cref="DemandRollupRecord"/> in step with the demand cases. The ledger writer calls it inside the
/// transaction of every save, after the save and before the commit, with the cases the save touched (a demand, its
/// steps, decisions or disclosure packages added, changed or removed), so a case and its report record are written
/// together or not at all. It lives in the application layer because a record is computed from the sealed case.
/// </summary>
public interface IDemandRollup
{
    Task RefreshAsync(RightsDeskDbContext context, IReadOnlyCollection<Guid> demandIds, CancellationToken ct);
}

public static class DemandRollups
{
    /// <summary>The demand cases the pending changes of <paramref name="db"/> touch, read before the save.</summary>
    public static HashSet<Guid> Touched(RightsDeskDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new HashSet<Guid>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (e.Entity)
            {
                case Demands.DemandRecord d:
                    ids.Add(d.Id);
                    break;
                case Demands.DemandStep s:
                    ids.Add(s.DemandId);
                    break;
                case Demands.DecisionRecord r:
                    ids.Add(r.DemandId);
                    break;
                case Demands.DisclosurePackageRecord p:
                    ids.Add(p.DemandId);
                    break;
                default:
                    break;
            }
        }

        return ids;
    }
}
