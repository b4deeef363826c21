using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Partners;
using RightsDesk.Core;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Partners;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Partners;

/// <summary>An urgent case a trusted partner flags: what is happening (incident types), the accounts and content
/// concerned, what is going on in the partner's words, and how urgent it is.</summary>
public sealed record PartnerFlagRequest(
    IReadOnlyList<string>? Types, string? Description, IReadOnlyList<string>? Accounts, IReadOnlyList<string>? Content, string? Urgency,
    bool? PhysicalDanger, string? Country);

/// <summary>The flag as the desk took it: the incident's reference and where it is.</summary>
public sealed record PartnerFlagCreated(Guid Id, string Reference, IncidentStatus Status);

/// <summary>/api/v1/partners: trusted partners' flags, with a partner person's token.</summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/partners").WithTags("Trusted partners");
        g.MapPost("/flags", async Task<Results<Created<PartnerFlagCreated>, ForbidHttpResult>> (
            PartnerFlagRequest body, ClaimsPrincipal user, PartnerAccounts partners, PartnerFlags flags, PublicCatalogue texts, CancellationToken ct) =>
        {
            if (await partners.CurrentAsync(user, ct) is not { } partner)
            {
                return TypedResults.Forbid();
            }

            var report = Read(body, texts.English);
            var flag = await flags.FlagAsync(partner, report, user.ToActor(), "api", ct);
            return TypedResults.Created($"/partner/flags/{flag.Id}", new PartnerFlagCreated(flag.Id, flag.Reference, IncidentStatus.Received));
        }).RequirePermission(Permission.PartnerFlag).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Flag an urgent case as a trusted partner (a partner person's token). It becomes an incident ahead of reports of the same severity, and at least the policy's severity for partner flags; the outcome and the desk's replies are on the partner's pages.");
        return api;
    }

    /// <summary>The flag read by the incident reader, its refusals said in English by the public texts' keys.</summary>
    internal static IncidentReport Read(PartnerFlagRequest body, PublicText english)
    {
        try
        {
            return PartnerFlagReader.Read(body.Types, body.Description, body.Accounts, body.Content, body.Urgency, body.PhysicalDanger ?? false, body.Country);
        }
        catch (ValidationFailedException refused)
        {
            throw new ValidationFailedException(refused.Errors.Select(e => e with { Message = english.Has(e.Message) ? english[e.Message] : e.Message }).ToList());
        }
    }
}
