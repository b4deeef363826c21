using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core;
using RightsDesk.Core.Demands;

namespace RightsDesk.Web.Hosting;

/// <summary>RFC 9457 problem details, with messages a person can act on.</summary>
public static class Problems
{
    public static NotFound<ProblemDetails> NotFound() => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404, Title = "Not found", Detail = "There is no such record, or you are not cleared to see it.",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
    });

    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: 400, title: "Bad request");

    /// <summary>
    /// Every error body this host writes is a problem (RFC 9457): from <see cref="NotFound"/>, the exception handler
    /// or the status code pages. <see cref="NotFound"/>'s typed result serialises as plain JSON, so the media type is
    /// set right here, for every error answer at once.
    /// </summary>
    public static IApplicationBuilder UseProblemMediaType(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var r = context.Response;
            if (r.StatusCode >= 400 && r.ContentType is { } type && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                r.ContentType = "application/problem+json" + type["application/json".Length..];
            }

            return Task.CompletedTask;
        });
        await next();
    });

    /// <summary>Maps the domain's refusals to status codes; anything else is a 500 with no internals in the body.</summary>
    public sealed class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> log) : IExceptionHandler
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "Called by the exception handler middleware only, never with named arguments; http and ct are the names every handler here uses.")]
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, title, detail, errors) = exception switch
            {
                ValidationFailedException v => (400, "The input was refused", "Correct the fields listed in 'errors' and send it again; nothing was stored.",
                    v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
                WorkflowException w => (422, "This step is not allowed", w.Message, null),
                ConflictException c => (409, "Conflict", c.Message, null),
                Ledger.LedgerInconsistentException l => (409, "The stored ledger does not extend the last signed tree head", l.Message, null),
                BadHttpRequestException b when b.StatusCode == 413 => (413, "Too large", "The request is larger than this endpoint accepts.", null),
                BadHttpRequestException b => (b.StatusCode, "Bad request", "The request could not be read: check its content type and encoding.", null),
                // The form reader reports a malformed multipart body (no boundary, a part cut short, a form limit
                // passed) this way: the caller's input, not a fault of the server.
                InvalidDataException or IOException when http.Request.HasFormContentType =>
                    (400, "Bad request", "The form data could not be read: check the multipart boundary, that every part is complete, and the size limits.", null),
                ArgumentException a => (400, "Bad request", a.Message, null),
                _ => (500, "Something went wrong", "The error has been logged without case contents. Try again; if it persists, tell your administrator the time it happened.", (Dictionary<string, string[]>?)null),
            };

            if (status == 500)
            {
                // The type, the path and the incident id the person is shown, never the message: exception texts
                // can quote personal data.
                log.LogError("Unhandled {ExceptionType} on {Method} {Path} (incident {Incident})", exception.GetType().FullName, http.Request.Method, http.Request.Path.Value, http.TraceIdentifier);
            }

            if (!ErrorPages.IsApi(http))
            {
                // A person's browser gets the error page in words (the middleware re-executes /error/{code}).
                return false;
            }

            http.Response.StatusCode = status;
            var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
            problem.Status = status;
            problem.Title = title;
            problem.Detail = detail;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
    }
}
