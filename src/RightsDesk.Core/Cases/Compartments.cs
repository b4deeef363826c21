using RightsDesk.Core.Security;

namespace RightsDesk.Core.Cases;

/// <summary>Who is looking, with what they may do: an actor, their role, and the permissions that reach them (their
/// role's, cut down to what a token may carry when they come through one).</summary>
public sealed record Viewer(Actor Actor, IReadOnlySet<Permission> Permissions, string Role = "")
{
    public bool Can(Permission permission) => Permissions.Contains(permission);

    /// <summary>Whether the viewer comes through an API token (a machine's, or a person's), not a signed-in session.</summary>
    public bool ViaToken => Actor.Kind == ActorKind.Machine || Actor.Via is not null;

    public static Viewer For(Actor actor, string role, bool viaToken) =>
        new(actor, Grants.Effective(role, viaToken ? (actor.IsPerson ? TokenKind.Person : TokenKind.Machine) : null), role);
}

/// <summary>
/// The facts about one case that need-to-know turns on. Ids are actor ids; cases stored before actors had ids carry
/// only the ledger name, which is then compared instead (for people that name is their unique user name).
/// </summary>
public sealed record CaseAccess(bool Restricted, string? AssignedToId, string? AssignedToName, string? CreatedById, string CreatedByName)
{
    public bool IsAssignedTo(Actor actor) => Matches(actor, AssignedToId, AssignedToName);

    public bool IsCreatedBy(Actor actor) => Matches(actor, CreatedById, CreatedByName);

    private static bool Matches(Actor actor, string? id, string? name) => id is not null
        ? string.Equals(id, actor.Id, StringComparison.Ordinal)
        : name is not null && string.Equals(name, actor.LedgerName, StringComparison.Ordinal);
}

/// <summary>
/// Need-to-know compartments, one rule for every list, count, search, export and ledger view of every kind of case.
/// A restricted (compartmented) case is visible only to its assignee and to roles cleared for restricted cases; a
/// submitter follows the status of what it submitted, never the contents. A denial looks like "not found".
/// </summary>
public static class Compartments
{
    /// <summary>Whether the viewer may see the case's contents (targets, reasons, assessment).</summary>
    public static bool CanSeeContents(Viewer viewer, CaseAccess c)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(c);
        // No token reads a compartmented case, not even its assignee's: those are read on the desk, signed in with an
        // authenticator, where every read is the person's own.
        return viewer.Can(Permission.DemandRead)
            && !FiledOutOfSight(viewer, c)
            && (!c.Restricted || (!viewer.ViaToken && (viewer.Can(Permission.DemandReadRestricted) || c.IsAssignedTo(viewer.Actor))));
    }

    /// <summary>
    /// Whether a case the viewer filed is kept to its status for them. A filer not cleared for restricted cases follows
    /// every case they file by its status, restricted or not, until someone assigns it to them: if only the cases
    /// naming someone on the at-risk registry left their sight, filing a name and looking would tell who is on it.
    /// </summary>
    public static bool FiledOutOfSight(Viewer viewer, CaseAccess c)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(c);
        return c.IsCreatedBy(viewer.Actor) && !SeesAllRestricted(viewer) && !c.IsAssignedTo(viewer.Actor);
    }

    /// <summary>Whether the viewer may know the case exists and where it stands.</summary>
    public static bool CanSee(Viewer viewer, CaseAccess c) =>
        CanSeeContents(viewer, c) || (viewer.Can(Permission.DemandCreate) && c.IsCreatedBy(viewer.Actor));

    /// <summary>The route's permission is necessary, never sufficient: the case must be in sight too.</summary>
    public static bool CanAct(Viewer viewer, CaseAccess c, Permission permission) => viewer.Can(permission) && CanSeeContents(viewer, c);

    /// <summary>Whether lists show the viewer every restricted case, or only those assigned to them.</summary>
    public static bool SeesAllRestricted(Viewer viewer) => viewer.Can(Permission.DemandReadRestricted) && !viewer.ViaToken;

    /// <summary>Whether lists show the viewer any restricted case at all (never through a token).</summary>
    public static bool SeesAnyRestricted(Viewer viewer) => !viewer.ViaToken;
}
