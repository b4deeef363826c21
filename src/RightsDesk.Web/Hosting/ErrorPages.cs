using Microsoft.AspNetCore.Diagnostics;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// Errors answer in the caller's terms: the API (and the OpenAPI document and /health) with RFC 9457 problems, a
/// person's browser with a page in words (<c>/error/{code}</c>). Paths nothing serves are a 404 for everyone, so an
/// unknown public address is a public "not found", never a redirect to the staff sign-in.
/// </summary>
public static class ErrorPages
{
    public static bool IsApi(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path;
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseRightsDeskErrors(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // A request the server could not read is the caller's, not the server's, fault.
                StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
                // The middleware's own log line carries the exception's message, which can quote personal data; the
                // handler has logged the type, the path and the incident id instead.
                SuppressDiagnosticsCallback = _ => true,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    /// <summary>Anything no endpoint serves: 404, open to everyone (the status code pages then say it in words).</summary>
    public static void MapNotFoundFallback(this IEndpointRouteBuilder app) =>
        app.MapFallback("{*path}", () => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The public pages may be indexed; the desk, the portal, the sign-in and the API are not for search engines.</summary>
    public static void MapRobots(this IEndpointRouteBuilder app) =>
        app.MapGet("/robots.txt", () => TypedResults.Text(
            "User-agent: *\nDisallow: /desk\nDisallow: /portal\nDisallow: /account\nDisallow: /api\nDisallow: /error\nAllow: /\n", "text/plain"))
            .AllowAnonymous().ExcludeFromDescription();
}
