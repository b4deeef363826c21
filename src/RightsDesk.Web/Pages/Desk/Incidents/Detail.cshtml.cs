using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Incidents;

/// <summary>
/// One incident: the report and its thread (unsealed, so every opening is ledgered), the clock, and the work on it:
/// acknowledge, assign, reply from a template, record actions, link demands and moderation decisions, resolve.
/// Reading needs IncidentRead, acting IncidentManage.
/// </summary>
[RequirePermission(Permission.IncidentRead)]
public sealed class DetailModel(IncidentDesk desk, IncidentWork work, AtRiskRegistry registry, Application.Partners.PartnerFlags partners) : PageModel
{
    /// <summary>The trusted partner that flagged the incident; null for a report from the public channel.</summary>
    public string? PartnerOrganisation { get; private set; }

    public IncidentCase Case { get; private set; } = null!;

    public IncidentWorkView Work { get; private set; } = null!;

    public IReadOnlyList<Responder> Responders { get; private set; } = [];

    /// <summary>Positions (in <see cref="IncidentCase.Accounts"/>) of accounts that name someone on the at-risk registry.</summary>
    public IReadOnlySet<int> AtRiskAccounts { get; private set; } = new HashSet<int>();

    public IReadOnlyList<ReplyTemplate> Templates => desk.Templates;

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Which form the error belongs to, so it is shown beside it.</summary>
    public string? ErrorFor { get; private set; }

    public bool CanManage => User.Can(Permission.IncidentManage);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "acknowledged" or "assigned" or "replied" or "action" or "linked" or "resolved" ? done : null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>A stripped copy, or the sealed original the reporter let us keep; sent as a download, never shown inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, bool original, CancellationToken ct)
    {
        var file = await work.OpenAttachmentAsync(id, attachmentId, original, User.ToActor(), ct);
        if (file is not { } f)
        {
            return NotFound();
        }

        var extension = f.ContentType switch { "image/png" => ".png", "image/jpeg" => ".jpg", "application/pdf" => ".pdf", _ => ".txt" };
        return File(f.Content, f.ContentType, $"attachment-{attachmentId.ToString("N")[..8]}{(original ? "-original" : "")}{extension}");
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "acknowledge", () => desk.AcknowledgeAsync(id, User.ToActor(), ct), "acknowledged", ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? responderId, CancellationToken ct) =>
        ActAsync(id, "assign", () => work.AssignAsync(id, responderId ?? "", User.ToActor(), ct), "assigned", ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? template, string? text, CancellationToken ct) =>
        ActAsync(id, "reply", () => desk.ReplyAsync(id, string.IsNullOrEmpty(template) ? null : template, text, User.ToActor(), ct), "replied", ct);

    public Task<IActionResult> OnPostActionAsync(Guid id, string? action, CancellationToken ct) =>
        ActAsync(id, "action", () => work.RecordActionAsync(id, action, User.ToActor(), ct), "action", ct);

    public Task<IActionResult> OnPostLinkAsync(Guid id, string? kind, string? target, CancellationToken ct) =>
        ActAsync(id, "link", () => work.LinkAsync(id, kind, target, User.ToActor(), ct), "linked", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, string? outcome, CancellationToken ct) =>
        ActAsync(id, "resolve", () => desk.ResolveAsync(id, outcome ?? "", User.ToActor(), ct), "resolved", ct);

    private async Task<IActionResult> ActAsync(Guid id, string form, Func<Task<bool>> action, string done, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            if (!await action())
            {
                return await Exists(id, ct) ? await RefuseAsync(id, form, "This step is not open for the incident as it stands.", ct) : NotFound();
            }
        }
        catch (WorkflowException e)
        {
            return await RefuseAsync(id, form, e.Message, ct);
        }

        return Redirect($"/desk/incidents/{id}?done={done}#{form}");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string form, string message, CancellationToken ct)
    {
        Error = message;
        ErrorFor = form;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private Task<bool> Exists(Guid id, CancellationToken ct) => desk.ExistsAsync(id, ct);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var opened = await desk.OpenAsync(id, User.ToActor(), ct);
        if (opened is null)
        {
            return false;
        }

        Case = opened;
        Work = await work.ViewAsync(id, ct);
        Responders = CanManage ? await work.RespondersAsync(ct) : [];
        var matches = await registry.MatchAsync(opened.Accounts.Select(a => new Target(TargetType.Account, a)).ToList(), null, ct);
        AtRiskAccounts = matches.Select(m => m.TargetIndex).ToHashSet();
        PartnerOrganisation = await partners.OrganisationOfAsync(id, ct);
        return true;
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(JsonNames.Of(value).Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
