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

    /// <summary>Maps the domain's refusals to status codes; anything else is a 500 with no internals in the body.</summary>
    public sealed class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, title, detail, errors) = exception switch
            {
                ValidationFailedException v => (400, "The input was refused", "Correct the fields listed in 'errors' and send it again; nothing was stored.",
                    v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
                WorkflowException w => (422, "This step is not allowed", w.Message, null),
                ConflictException c => (409, "Conflict", c.Message, null),
                BadHttpRequestException b when b.StatusCode == 413 => (413, "Too large", "The request is larger than this endpoint accepts.", null),
                BadHttpRequestException b => (b.StatusCode, "Bad request", "The request could not be read: check its content type and encoding.", null),
                ArgumentException a => (400, "Bad request", a.Message, null),
                _ => (500, "Something went wrong", "The error has been logged without case contents. Try again; if it persists, tell your administrator the time it happened.", (Dictionary<string, string[]>?)null),
            };

            if (status == 500)
            {
                // The type and the path, never the message: exception texts can quote personal data.
                log.LogError("Unhandled {ExceptionType} on {Method} {Path}", exception.GetType().FullName, http.Request.Method, http.Request.Path.Value);
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
