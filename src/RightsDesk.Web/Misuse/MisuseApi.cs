using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Misuse;
using RightsDesk.Core;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Core.Security;
using RightsDesk.Data.Misuse;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Misuse;

/// <summary>A warning or a proposed suspension (DSA Art. 23). <c>kind</c>: illegalContent, unfoundedNotices or
/// unfoundedComplaints; <c>party</c>: account (its id as the platform knows it) or notifier (the e-mail address the
/// notices or complaints came from), in <c>partyId</c>; <c>reasons</c> what the party is told (20 to 4,000 characters);
/// <c>language</c> one of the user pages' languages; <c>until</c> (yyyy-MM-dd) the last day of a suspension.</summary>
public sealed record MisuseMeasureRequest(string? Kind, string? Party, string? PartyId, string? Reasons, string? Language, string? Until);

/// <summary>Whose status to look up. In a body, never in the URL: the party id is personal data.</summary>
public sealed record MisuseStatusRequest(string? Kind, string? Party, string? PartyId);

/// <summary>A measure as it stands, without the party or the reasons. <c>inForce</c> is true for a confirmed
/// suspension whose last day has not passed; <c>decision</c> the puid of an account suspension's moderation decision.</summary>
public sealed record MisuseMeasureView(Guid Id, MisuseKind Kind, MisuseMeasureType Type, MisuseParty Party, MisuseState State, int Misused, int Total,
    int WindowDays, DateTimeOffset CreatedAt, Guid? Warning, DateOnly? Until, bool InForce, string? Decision);

/// <summary>A party's standing: what is counted in the window, whether it crosses the policy's thresholds, and the
/// standing warning and suspension in force, if any.</summary>
public sealed record MisuseStatusView(MisuseKind Kind, MisuseParty Party, int Misused, int Total, int SharePercent, int WindowDays, bool Candidate,
    MisuseMeasureView? Warning, MisuseMeasureView? Suspension);

/// <summary>/api/v1/moderation/misuse: the platform's side of Art. 23 measures. A suspension sent here is a
/// proposal: a person on the desk confirms it, so a machine never suspends anyone alone.</summary>
public static class MisuseApi
{
    public static RouteGroupBuilder MapMisuseApi(this RouteGroupBuilder api)
    {
        api.MapPost("/moderation/misuse/warnings", Warn).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Warn a party of frequent misuse (DSA Art. 23): an account posting manifestly illegal content, or a notifier or complainant sending manifestly unfounded notices or complaints. The party is told through the outbox (an e-mail to a notifier, a signed misuse.warning webhook for an account). The counted facts are in the answer.");
        api.MapPost("/moderation/misuse/suspensions", Propose).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Propose the suspension of a warned party until a day (at most the policy's longest period). Refused (422) without a standing warning for the same kind of misuse, or while one is proposed or in force. A person on the desk confirms or declines it; the answer's state says which.");
        api.MapPost("/moderation/misuse/status", Status).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Look up a party's standing for one kind of misuse: the counts in the policy's window, whether they cross its thresholds, the standing warning and any suspension in force. A POST, so the party's id travels in the body and never in a URL or an access log.");
        api.MapGet("/moderation/misuse/{id:guid}", Get).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A measure as it stands (proposed, confirmed, declined, lifted), without the party or the reasons.");
        return api;
    }

    private static async Task<Created<MisuseMeasureView>> Warn(MisuseMeasureRequest body, ClaimsPrincipal user, MisuseDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var measure = await desk.WarnAsync(Read(body, false), user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/moderation/misuse/{measure.Id}", View(measure, clock.GetUtcNow()));
    }

    private static async Task<Created<MisuseMeasureView>> Propose(MisuseMeasureRequest body, ClaimsPrincipal user, MisuseDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var measure = await desk.ProposeAsync(Read(body, true), user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/moderation/misuse/{measure.Id}", View(measure, clock.GetUtcNow()));
    }

    private static async Task<Ok<MisuseStatusView>> Status(MisuseStatusRequest body, MisuseDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var (kind, party) = KindAndParty(body.Kind, body.Party, errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var s = await desk.StatusAsync(kind, party, body.PartyId, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new MisuseStatusView(s.Kind, s.Party, s.Facts.Misused, s.Facts.Total, s.Facts.SharePercent, desk.Policy.WindowDays, s.Candidate,
            s.Warning is null ? null : View(s.Warning, now), s.Suspension is null ? null : View(s.Suspension, now)));
    }

    private static async Task<Results<Ok<MisuseMeasureView>, NotFound<ProblemDetails>>> Get(Guid id, MisuseDesk desk, TimeProvider clock, CancellationToken ct) =>
        await desk.FindAsync(id, ct) is { } m ? TypedResults.Ok(View(m, clock.GetUtcNow())) : Problems.NotFound();

    private static MisuseRequest Read(MisuseMeasureRequest body, bool suspension)
    {
        var errors = new List<FieldError>();
        var (kind, party) = KindAndParty(body.Kind, body.Party, errors);
        DateOnly? until = null;
        if (suspension)
        {
            if (DateOnly.TryParseExact(body.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                until = day;
            }
            else
            {
                errors.Add(new FieldError("until", "Give the suspension's last day as yyyy-MM-dd."));
            }
        }

        var request = new MisuseRequest(kind, party, body.PartyId, body.Reasons, body.Language, until);
        errors.AddRange(MisuseRequests.Check(request).Where(e => errors.TrueForAll(x => x.Field != e.Field)));
        return errors.Count > 0 ? throw new ValidationFailedException(errors) : request;
    }

    private static (MisuseKind, MisuseParty) KindAndParty(string? kindText, string? partyText, List<FieldError> errors)
    {
        if (!JsonNames.TryParse<MisuseKind>(kindText, out var kind))
        {
            errors.Add(new FieldError("kind", "Say illegalContent, unfoundedNotices or unfoundedComplaints."));
        }

        if (!JsonNames.TryParse<MisuseParty>(partyText, out var party))
        {
            errors.Add(new FieldError("party", "Say account or notifier."));
        }

        return (kind, party);
    }

    internal static MisuseMeasureView View(MisuseMeasureRecord m, DateTimeOffset now) =>
        new(m.Id, m.Kind, m.Type, m.Party, m.State, m.Misused, m.Total, m.WindowDays, m.CreatedAt, m.WarningId, m.Until,
            MisuseCounts.InForce([m], now) is not null, m.DecisionId is null ? null : MisuseSuspensions.DecisionPuid(m.Id));
}
