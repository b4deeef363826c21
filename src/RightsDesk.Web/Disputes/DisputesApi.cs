using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Disputes;
using RightsDesk.Core;
using RightsDesk.Core.Disputes;
using RightsDesk.Core.Security;
using RightsDesk.Data.Disputes;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Disputes;

/// <summary>A referral to a certified out-of-court body (DSA Art. 21): the decision by its puid; <c>side</c> user or
/// notifier; the body's name and the ISO code of the Member State that certified it; the day referred (yyyy-MM-dd).</summary>
public sealed record DisputeRequest(string? Puid, string? Side, string? BodyName, string? BodyMemberState, string? ReferredOn);

/// <summary>The body's outcome: upheld, partiallyReversed, reversed, withdrawn or declined; its day (yyyy-MM-dd) and
/// reasons (10 to 4,000 characters, sealed; only a hash is ledgered).</summary>
public sealed record DisputeOutcomeRequest(string? Outcome, string? DecidedOn, string? Reasons);

/// <summary>A referral as it stands. <c>restrictionLifted</c> is true when the body's reversal lifted the measure.</summary>
public sealed record DisputeReferralView(Guid Id, Guid Decision, Guid? Appeal, DisputeSide Side, string BodyName, string BodyMemberState,
    DateOnly ReferredOn, DisputeState State, DisputeOutcome? Outcome, DateOnly? DecidedOn, bool RestrictionLifted);

/// <summary>/api/v1/moderation/disputes: referrals of decisions to certified out-of-court bodies and their outcomes.</summary>
public static class DisputesApi
{
    public static RouteGroupBuilder MapDisputesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/moderation/disputes", Refer).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record that a stored decision, named by its puid, was referred to a certified out-of-court dispute settlement body (DSA Art. 21) by the user or the notifier. After a decided appeal or straight to the body; refused (422) while an appeal on the decision is under review, and (409) while the same side has a referral open.");
        api.MapPost("/moderation/disputes/{id:guid}/outcome", Outcome).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record the body's outcome on a referral: upheld, partiallyReversed, reversed, withdrawn or declined, with its day and reasons. A reversal lifts the restriction as a reversed appeal does; once recorded, an outcome is not changed (422).");
        return api;
    }

    private static async Task<Results<Created<DisputeReferralView>, NotFound<ProblemDetails>>> Refer(DisputeRequest body, ClaimsPrincipal user, DisputeReferrals referrals, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Puid))
        {
            errors.Add(new FieldError("puid", "The puid of the decision in dispute."));
        }

        if (!JsonNames.TryParse<DisputeSide>(body.Side, out var side))
        {
            errors.Add(new FieldError("side", "Say whose referral it is: 'user' or 'notifier'."));
        }

        var referredOn = Day(body.ReferredOn, "referredOn", errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var dispute = await referrals.ReferByPuidAsync(body.Puid!, new ReferralInput(side, body.BodyName, body.BodyMemberState, referredOn), user.ToActor(), ct);
        return dispute is null ? Problems.NotFound() : TypedResults.Created($"/api/v1/moderation/disputes/{dispute.Id}", View(dispute));
    }

    private static async Task<Results<Ok<DisputeReferralView>, NotFound<ProblemDetails>>> Outcome(Guid id, DisputeOutcomeRequest body, ClaimsPrincipal user, DisputeReferrals referrals, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!JsonNames.TryParse<DisputeOutcome>(body.Outcome, out var outcome))
        {
            errors.Add(new FieldError("outcome", "Say upheld, partiallyReversed, reversed, withdrawn or declined."));
        }

        var decidedOn = Day(body.DecidedOn, "decidedOn", errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var dispute = await referrals.RecordOutcomeAsync(id, outcome, decidedOn, body.Reasons, user.ToActor(), ct);
        return dispute is null ? Problems.NotFound() : TypedResults.Ok(View(dispute));
    }

    private static DateOnly Day(string? text, string field, List<FieldError> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(field, "Give the day as yyyy-MM-dd."));
        return default;
    }

    private static DisputeReferralView View(DisputeRecord d) =>
        new(d.Id, d.DecisionId, d.AppealId, d.Side, d.BodyName, d.BodyMemberState, d.ReferredOn, d.State, d.Outcome, d.DecidedOn, d.RestrictionLifted);
}
