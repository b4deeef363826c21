using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Core;
using RightsDesk.Core.Common;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.IllegalContentNotices;

/// <summary>The confirmation of receipt (DSA Art. 16(4)): the notice's reference and when it was received. The
/// decision follows by e-mail to the notifier's address where one was given.</summary>
public sealed record NoticeReceivedView(Guid Id, string Reference, DateTimeOffset ReceivedAt, NoticeSource Source);

/// <summary>POST /api/v1/moderation/notices: notices of illegal content from the platform's own reporting flow and
/// from trusted flaggers (by their registry's machine tokens).</summary>
public static class IllegalContentNoticesApi
{
    public static RouteGroupBuilder MapIllegalContentNoticesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/moderation/notices", Submit).WithTags("Moderation").RequirePermission(Permission.IllegalContentNoticeSubmit).DisableAntiforgery()
            .Accepts<NoticeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Send a notice of content considered illegal (DSA Art. 16): 1 to 50 URLs or content ids in 'content', the 'explanation', the 'law' where known, the notifier's 'notifierName' and 'notifierEmail' (optional, sealed; the confirmation and the decision are mailed there), 'goodFaith': true (Art. 16(2)(d)) and the notifier's 'language'. A trusted flagger's token makes it a trusted flagger's notice, handled first (Art. 22); the platform's token, a notice from its own reporting flow. Every refused field is named by its path.");
        return api;
    }

    private static async Task<Results<Accepted<NoticeReceivedView>, ProblemHttpResult>> Submit(
        HttpRequest request, ClaimsPrincipal user, SubmitNotice submit, TrustedFlaggerRegistry flaggers, CancellationToken ct)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException([new FieldError("$", "Send the notice as application/json.")]);
        }

        var body = await ReadLimitedAsync(request.Body, IllegalContentNoticeReader.MaxBodyBytes, ct);
        using var doc = StrictJson.Parse(body, IllegalContentNoticeReader.MaxBodyBytes, "The notice is larger than 256 KB.");
        var notice = IllegalContentNoticeReader.Read(doc.RootElement);
        var actor = user.ToActor();
        NoticeSender sender;
        if (user.Role() == Roles.TrustedFlagger)
        {
            // A flagger's token made without its registry entry cannot exist; one whose entry is gone is no flagger.
            var flagger = await flaggers.ByTokenAsync(actor.Id, ct);
            if (flagger is null)
            {
                return TypedResults.Problem("This token is not in the registry of trusted flaggers.", statusCode: 403, title: "Forbidden");
            }

            sender = new NoticeSender(NoticeSource.TrustedFlagger, actor, flagger.Id);
        }
        else
        {
            sender = new NoticeSender(NoticeSource.ReportingFlow, actor, null);
        }

        var receipt = await submit.RunAsync(notice, sender, ct);
        return TypedResults.Accepted((string?)null, new NoticeReceivedView(receipt.Id, receipt.Reference, receipt.ReceivedAt, sender.Source));
    }

    /// <summary>Reads at most one byte past the limit, so an oversized body is refused without being held whole.</summary>
    private static async Task<byte[]> ReadLimitedAsync(Stream source, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
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

/// <summary>The notice as the API takes it (for the OpenAPI document; the body is read by <see cref="IllegalContentNoticeReader"/>).</summary>
public sealed record NoticeRequest(
    IReadOnlyList<string> Content, string Explanation, string? Law, string? NotifierName, string? NotifierEmail, bool GoodFaith, string? Language);
