namespace RightsDesk.Web.Hosting;

/// <summary>Headers on every response: no framing, no sniffing, no referrer, no caching of case data, a strict CSP.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // Everything this host serves under /api can carry case data: never cache it anywhere.
            h.CacheControl = "no-store";
            h.Pragma = "no-cache";
            if (context.Request.IsHttps)
            {
                h.StrictTransportSecurity = "max-age=63072000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
