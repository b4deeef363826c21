using Microsoft.AspNetCore.Authorization;
using RightsDesk.Core.Security;

namespace RightsDesk.Web.Security;

/// <summary>One authorisation policy per permission: a route names the permissions that may reach it.</summary>
public static class PermissionPolicies
{
    public static string Name(Permission p) => "perm:" + p;

    public static void Register(AuthorizationOptions options)
    {
        // Deny by default: an endpoint that forgets to say who may call it is closed, not open.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var p in Enum.GetValues<Permission>())
        {
            options.AddPolicy(Name(p), b => b.RequireAuthenticatedUser().RequireAssertion(c => c.User.Can(p)));
        }
    }

    /// <summary>Any one of the permissions lets the caller in; object-level checks follow inside the handler.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params Permission[] any) where TBuilder : IEndpointConventionBuilder
    {
        if (any.Length == 1)
        {
            return builder.RequireAuthorization(Name(any[0]));
        }

        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => any.Any(c.User.Can)).Build();
        builder.WithMetadata(new PermissionMetadata(any));
        return builder.RequireAuthorization(policy);
    }
}

/// <summary>Exposes the permissions of a route, so the authorisation matrix test can read them.</summary>
public sealed record PermissionMetadata(IReadOnlyList<Permission> Permissions);
