using Microsoft.AspNetCore.Authorization;
using RightsDesk.Core.Security;

namespace RightsDesk.Web.Security;

/// <summary>
/// Who may open a page, named by the permission itself: <c>[RequirePermission(Permission.DemandRead)]</c> instead of a
/// policy string, so a misspelt permission does not compile (a misspelt policy name fails only when the page is asked
/// for). It is the same policy the API's <see cref="PermissionPolicies.RequirePermission{TBuilder}"/> names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(PermissionPolicies.Name(permission))
{
    public Permission Permission { get; } = permission;
}
