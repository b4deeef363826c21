using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Demands;

namespace RightsDesk.Application.Demands;

/// <summary>The list queries shared by the API and the desk, so both hide the same compartmented cases.</summary>
public static class DemandQueries
{
    /// <summary>
    /// The compartment rule (<see cref="Compartments"/>) as a query: restricted cases drop out of every list and count
    /// unless the viewer is cleared for them or assigned. Cases assigned before actors had ids match by name.
    /// </summary>
    public static IQueryable<DemandRecord> Visible(IQueryable<DemandRecord> q, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Compartments.SeesAllRestricted(viewer))
        {
            return q;
        }

        // The cases a viewer not cleared for restricted cases filed drop out of their lists alike (Compartments.FiledOutOfSight),
        // whoever they name, unless assigned to them.
        var id = viewer.Actor.Id;
        var name = viewer.Actor.LedgerName;
        q = q.Where(d => !(d.CreatedById == id || (d.CreatedById == null && d.CreatedBy == name))
            || d.AssignedToId == id || (d.AssignedToId == null && d.AssignedTo == name));
        if (!Compartments.SeesAnyRestricted(viewer))
        {
            return q.Where(d => !d.Restricted);
        }

        return q.Where(d => !d.Restricted || d.AssignedToId == id || (d.AssignedToId == null && d.AssignedTo == name));
    }

    /// <summary>The kernel's view of one stored case, for <see cref="Compartments"/>.</summary>
    public static CaseAccess Access(DemandRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new CaseAccess(d.Restricted, d.AssignedToId, d.AssignedTo, d.CreatedById, d.CreatedBy);
    }

    /// <summary>The demands in <paramref name="states"/>: what a queue for one action lists (the states come from the
    /// kernel's transitions, so a queue never lists a case its action cannot be taken on).</summary>
    public static IQueryable<DemandRecord> InStates(IQueryable<DemandRecord> q, IReadOnlyList<DemandState> states) =>
        q.Where(d => states.Contains(d.State));

    public static IQueryable<DemandRecord> Open(IQueryable<DemandRecord> q) =>
        q.Where(d => d.State != DemandState.Closed && d.State != DemandState.Fulfilled);

    /// <summary>
    /// One page, newest first, after a cursor. Keyset paging: the database seeks to the cursor through the
    /// ReceivedAt index instead of counting past every earlier row, so a deep page costs what the first does.
    /// </summary>
    public static async Task<(List<DemandRecord> Rows, ListCursor? Next)> PageAsync(IQueryable<DemandRecord> q, ListCursor? after, int size, CancellationToken ct)
    {
        if (after is { } c)
        {
            var at = c.At;
            q = q.Where(d => d.ReceivedAt <= at);
        }

        // Rows sharing the cursor's timestamp that were already shown are skipped; there are rarely more than a few.
        var rows = await q.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(after?.SeenAtSameTime ?? 0).Take(size + 1).ToListAsync(ct);
        if (rows.Count <= size)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1].ReceivedAt;
        var seen = rows.Count(r => r.ReceivedAt == last) + (after is { } a && a.At == last ? a.SeenAtSameTime : 0);
        return (rows, new ListCursor(last, seen));
    }
}

/// <summary>Where a page ends: the last row's timestamp, and how many rows with that timestamp have been shown.</summary>
public readonly record struct ListCursor(DateTimeOffset At, int SeenAtSameTime)
{
    public override string ToString() => At.UtcTicks.ToString(CultureInfo.InvariantCulture) + "." + SeenAtSameTime.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ListCursor cursor)
    {
        cursor = default;
        var parts = (text ?? "").Split('.');
        if (parts.Length == 2 && text!.Length < 40
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seen) && seen <= 100_000)
        {
            cursor = new ListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), seen);
            return true;
        }

        return false;
    }
}
