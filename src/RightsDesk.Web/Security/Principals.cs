using System.Security.Claims;
using RightsDesk.Core.Security;

namespace RightsDesk.Web.Security;

/// <summary>
/// The edge's translation of who is calling into the kernel's terms: an <see cref="Actor"/> (person, machine) and a
/// <see cref="Viewer"/> with the permissions that reach them. A session and a person's token both name the person by
/// account id; a token never carries more than <see cref="Grants"/> lets a token carry.
/// </summary>
public static class Principals
{
    public const string TokenIdClaim = "token_id";
    public const string TokenKindClaim = "token_kind";
    public const string PersonToken = "person";
    public const string MachineToken = "machine";

    public static TokenKind? TokenKindOf(this ClaimsPrincipal user) => user.FindFirstValue(TokenKindClaim) switch
    {
        PersonToken => TokenKind.Person,
        MachineToken => TokenKind.Machine,
        _ => null,
    };

    public static Core.Cases.Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? throw new InvalidOperationException("No authenticated actor.");
        var token = user.FindFirstValue(TokenIdClaim);
        if (user.TokenKindOf() is TokenKind.Machine)
        {
            return Core.Cases.Actor.Machine(token!, name["token:".Length..]);
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A person without an account id.");
        return Core.Cases.Actor.Person(id, name, token);
    }

    public static Core.Cases.Viewer ToViewer(this ClaimsPrincipal user) => new(user.ToActor(), Grants.Effective(user.Role(), user.TokenKindOf()), user.Role());

    /// <summary>The ledger name of the caller, for the use cases that still take it as text.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.ToActor().LedgerName;

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool Can(this ClaimsPrincipal user, Permission permission) => Grants.Has(user.Role(), user.TokenKindOf(), permission);
}
