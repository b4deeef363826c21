using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace RightsDesk.Data.Demands;

/// <summary>
/// The short reference a person reads on the phone or writes in a letter: "RD-" + the year of intake + a number
/// that counts the year's demands ("RD-2026-000123"). The number is taken inside the ledger writer's transaction,
/// after its lock, so two intakes on several app nodes never take the same one (the unique index is the backstop).
/// </summary>
public static class DemandReferences
{
    public const string Prefix = "RD-";

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:0000}-{number:000000}");

    /// <summary>
    /// Gives every demand of this unit of work that has none its reference (called by the ledger writer under its
    /// lock): new demands, and those stored before references existed, which the start-up job loads for this.
    /// </summary>
    public static async Task AssignNewAsync(RightsDeskDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fresh = db.ChangeTracker.Entries<DemandRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged && e.Entity.Reference is null)
            .Select(e => e.Entity).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToList();
        foreach (var byYear in fresh.GroupBy(d => d.CreatedAt.UtcDateTime.Year))
        {
            var next = await LastNumberAsync(db, byYear.Key, ct);
            foreach (var d in byYear)
            {
                d.Reference = Format(byYear.Key, ++next);
            }
        }
    }

    /// <summary>The highest number given in <paramref name="year"/> so far (0 if none).</summary>
    public static async Task<int> LastNumberAsync(RightsDeskDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = Format(year, 0)[..^6];
        var last = await db.Demands.Where(d => d.Reference != null && d.Reference.StartsWith(prefix)).MaxAsync(d => d.Reference, ct);
        return last is null ? 0 : int.Parse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A typed reference in any case and with spaces around it, or null if it is not one.</summary>
    public static string? Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        return t is { Length: 14 } && t.StartsWith(Prefix, StringComparison.Ordinal) && t[7] == '-'
            && t.AsSpan(3, 4).ContainsAnyExceptInRange('0', '9') is false && t.AsSpan(8).ContainsAnyExceptInRange('0', '9') is false
            ? t : null;
    }
}
