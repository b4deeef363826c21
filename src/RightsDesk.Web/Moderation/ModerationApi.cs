using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Moderation;
using RightsDesk.Core;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Data.Moderation;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Moderation;

/// <summary>One refused field of one item.</summary>
public sealed record DecisionErrorView(string Path, string Message);

/// <summary>What became of one item. <c>status</c>: created, existing or refused; <c>action</c>: apply the measure
/// now, or hold it until a person on the desk confirms it (a refused item is always hold).</summary>
public sealed record DecisionResultView(int Index, string? Puid, DecisionStatus Status, ModerationAction Action, IReadOnlyList<DecisionErrorView> Errors);

public sealed record DecisionResultsView(IReadOnlyList<DecisionResultView> Results);

/// <summary>The platform's report on a measure it was told to apply: <c>result</c> applied or failed, and for a
/// failure what went wrong (free text, sealed; 3 to 2,000 characters).</summary>
public sealed record AppliedReport(string? Result, string? Failure);

/// <summary>The decision as it stands after the report: its state and the result recorded.</summary>
public sealed record AppliedView(string Puid, ModerationState State, PlatformResult Result, DateTimeOffset ReportedAt);

/// <summary>/api/v1/moderation: the platform's moderation decisions, in the Transparency Database's vocabulary.</summary>
public static class ModerationApi
{
    public static RouteGroupBuilder MapModerationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/moderation").WithTags("Moderation");
        g.MapPost("/decisions", Record).RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .Accepts<ModerationDecision>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Report one moderation decision, or { \"decisions\": [...] } of up to 1,000. Fields and values are the DSA Transparency Database's (camelCase names, values verbatim), plus demandId, noticeId (the Art. 16 notice the decision follows, by id or NTC- reference: the first decision naming a waiting notice closes it and tells the notifier), userLanguage and account. Good items are stored and bad ones refused, each with its errors by path; the same decision again is 'existing', another body under a known puid is refused. 'action' says whether to apply the measure now or hold it for a person.");
        g.MapPost("/decisions/{puid}/applied", Applied).RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The platform reports that it applied a measure it was told to apply ('moderation.apply' webhook), or that applying it failed, with what went wrong. Only a machine's token reports; a held, lifted or ended measure is refused (422). Recorded and ledgered; the desk shows it on the decision and the demand.");
        return api;
    }

    private static async Task<Results<Ok<AppliedView>, NotFound<ProblemDetails>>> Applied(string puid, AppliedReport body, ClaimsPrincipal user, ReportApplied report, CancellationToken ct)
    {
        if (!JsonNames.TryParse<PlatformResult>(body.Result, out var result))
        {
            throw new ValidationFailedException([new FieldError("result", "Say 'applied' or 'failed'.")]);
        }

        var record = await report.RunAsync(puid, result, body.Failure, user.ToActor(), ct);
        return record is null
            ? Problems.NotFound()
            : TypedResults.Ok(new AppliedView(record.Puid, record.State, record.PlatformResult!.Value, record.PlatformReportedAt!.Value));
    }

    private static async Task<Ok<DecisionResultsView>> Record(HttpRequest request, ClaimsPrincipal user, RecordDecisions record, CancellationToken ct)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException([new FieldError("$", "Send the decisions as application/json.")]);
        }

        var body = await ReadLimitedAsync(request.Body, request.ContentLength, ModerationDecisionReader.MaxBodyBytes, ct);
        using var doc = StrictJson.Parse(body.AsMemory(), ModerationDecisionReader.MaxBodyBytes,
            $"The body is larger than {ModerationDecisionReader.MaxBodyBytes / (1024 * 1024)} MB; send the decisions in smaller batches.");
        var root = doc.RootElement;
        var items = ModerationDecisionReader.ReadBody(root);
        var batch = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("decisions", out _);
        var sent = batch
            ? root.GetProperty("decisions").EnumerateArray().Select(SentPuid).ToList()
            : [SentPuid(root)];
        var results = await record.RunAsync(new RecordDecisions.Request(items, batch, sent, user.ToActor()), ct);
        return TypedResults.Ok(new DecisionResultsView(results
            .Select(r => new DecisionResultView(r.Index, r.Puid, r.Status, r.Action, r.Errors.Select(e => new DecisionErrorView(e.Field, e.Message)).ToList()))
            .ToList()));
    }

    private static string? SentPuid(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("puid", out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Length <= 500
            ? p.GetString()
            : null;

    /// <summary>Reads at most one byte past the limit, so an oversized body is refused without being held whole. A
    /// body that states its length within the limit is read straight into one array of that size: a megabyte batch
    /// through a growing stream would leave five large arrays behind it for the collector.</summary>
    private static async Task<byte[]> ReadLimitedAsync(Stream source, long? length, int limit, CancellationToken ct)
    {
        if (length is { } known and <= int.MaxValue && known <= limit)
        {
            var exact = new byte[known];
            await source.ReadExactlyAsync(exact, ct);
            // A body longer than it said is refused as the host would refuse it, not silently cut.
            if (await source.ReadAsync(new byte[1], ct) > 0)
            {
                throw new ValidationFailedException([new FieldError("$", "The body is longer than its Content-Length.")]);
            }

            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
