namespace RightsDesk.Web.Hosting;

/// <summary>Headers on every response: no framing, no sniffing, no referrer, no caching of case data, a strict CSP.</summary>
public static class SecurityHeaders
{
    /// <summary>Set in HttpContext.Items by the one endpoint whose response is shown in a frame of our own page.</summary>
    public const string FramedDocument = "rd.framed-document";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // A case's original document is shown inside its demand page: that one response may be framed by this
            // origin, and is sandboxed so a hostile document can run nothing.
            var framed = context.Items.ContainsKey(FramedDocument);
            h["Content-Security-Policy"] = framed
                ? "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox"
                : "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = framed ? "SAMEORIGIN" : "DENY";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // Everything this host serves under /api can carry case data: never cache it anywhere.
            h.CacheControl = "no-store";
            h.Pragma = "no-cache";
            // The scheme is the client's once a known proxy's X-Forwarded-Proto is applied (ProxySetup). A deployment
            // whose public address is plain http (the loopback demo) never pins browsers to HTTPS.
            if (context.Request.IsHttps && context.RequestServices.GetService<PublicUrl>() is not { Configured: not null, IsHttps: false })
            {
                h.StrictTransportSecurity = "max-age=63072000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
