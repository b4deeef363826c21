using RightsDesk.Application.Demands;
using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Letters;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// The demand page: everything about one case, and the actions its current step allows this person. Every action
/// checks the object again (role and compartment); a case the person may not see is "not found", whatever the URL.
/// </summary>
[RequirePermission(Permission.DemandRead)]
public sealed class DetailModel(DemandCommands demands, RightsDeskDbContext db, DeskSignIn signIn, CaseWork work, LetterDelivery delivery) : PageModel
{
    public sealed record LedgerLine(long Seq, string Event, DateTimeOffset At, string Actor, string LeafHash);

    [FromRoute] public Guid Id { get; set; }
    public DemandView View { get; private set; } = null!;
    public DemandRecord Record { get; private set; } = null!;
    public IReadOnlyList<Application.Letters.LetterText> Letters { get; private set; } = [];
    public IReadOnlyList<LedgerLine> Ledger { get; private set; } = [];
    public LetterRoute? LetterRoute { get; private set; }

    /// <summary>Why the letter can only be downloaded as HTML here, or null when Chromium prints PDFs.</summary>
    public string? PdfUnavailable => delivery.PdfUnavailable;
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public bool DecidedByMe { get; private set; }
    public bool ApprovedByMe { get; private set; }
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            // A case the person filed but may not open is followed by its status, the same page for every case they file.
            return await demands.Cases.FindAsync(Id, ct) is { } filed && DemandAccess.CanSee(User, filed)
                ? Redirect($"/desk/demands/{Id}/filed")
                : NotFound();
        }

        await demands.Read.RunAsync(Record, User.ToActor(), ct);
        Done = Request.Query["done"].ToString() is { Length: > 0 and < 100 } d ? d : null;
        return Page();
    }

    /// <summary>The original document, shown inline in the page's frame; each read is a ledger event.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record) || !User.Can(Permission.DocumentRead))
        {
            return NotFound();
        }

        var doc = await demands.Documents.ReadAsync(Id, documentId, User.ToActor(), ct);
        if (doc is null)
        {
            return NotFound();
        }

        HttpContext.Items[SecurityHeaders.FramedDocument] = true;
        Response.Headers.ContentDisposition = "inline";
        return File(doc.Content, doc.Record.ContentType);
    }

    /// <summary>The letter as printed (PDF, or HTML where Chromium is missing); each download is a ledgered read.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid letterId, CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record) || !(User.Can(Permission.DocumentRead) || User.Can(Permission.DemandDecide)))
        {
            return NotFound();
        }

        var printed = await delivery.DownloadAsync(record, letterId, User.ToActor(), ct);
        if (printed is null)
        {
            return NotFound();
        }

        return printed.Pdf is { } pdf
            ? File(pdf, "application/pdf", printed.FileStem + ".pdf")
            : File(System.Text.Encoding.UTF8.GetBytes(printed.Html), "text/html; charset=utf-8", printed.FileStem + ".html");
    }

    public Task<IActionResult> OnPostAssessAsync(CancellationToken ct) =>
        Act(Permission.DemandAssess, r => demands.Assess.RunAsync(r, User.ToActor(), ct), "assessed", ct);

    /// <summary>The decide form as posted, fields named by the decision's JSON paths; null until a decision is posted.</summary>
    public PostedForm? Decision { get; private set; }

    private static readonly FormShape DecisionShape = FormShape.Of(lists: ["dataCategories", "territories"]);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var form = Decision = PostedForm.From(await Request.ReadFormAsync(ct), DecisionShape);
        return await Act(Permission.DemandDecide, async r =>
        {
            var input = DecisionReader.Read(form.ToJson());

            // The API reads "no categories" as "what the assessment allows"; on the form an untouched box list must not
            // widen a narrowed disclosure to everything, so a disclosure names its categories here.
            if (input.Outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed && input.DataCategories is null)
            {
                throw new ValidationFailedException([new FieldError("dataCategories", "Tick the data categories to disclose; nothing that is not ticked is authorised.")]);
            }

            await demands.Decide.RunAsync(r, input, User.ToActor(), ct);
        }, "decided", ct);
    }

    /// <summary>Approving hands data over or restricts speech: it needs a fresh authenticator code (step-up).</summary>
    public Task<IActionResult> OnPostApproveAsync(string? comment, string? code, CancellationToken ct) =>
        Act(Permission.DemandApprove, async r =>
        {
            if (!await signIn.StepUpAsync(User, code ?? "", "approve", r.Id.ToString(), ct))
            {
                throw new WorkflowException("The authenticator code is not right. Approving needs the current code from your app.");
            }

            await demands.Approve.RunAsync(r, User.ToViewer(), Limit(comment, 2000), ct);
        }, "approved", ct);

    public Task<IActionResult> OnPostSendBackAsync(string? reason, CancellationToken ct) =>
        Act(Permission.DemandApprove, r => demands.SendBack.RunAsync(r, User.ToActor(), Limit(reason, 4000) ?? "", ct), "sent back", ct);

    public Task<IActionResult> OnPostFulfilAsync(CancellationToken ct) =>
        Act(Permission.DemandFulfil, r => demands.Fulfil.RunAsync(r, User.ToActor(), ct), "fulfilled", ct);

    public Task<IActionResult> OnPostAnswerAsync(string? note, CancellationToken ct) =>
        Act(Permission.DemandAssess, r => demands.Answer.RunAsync(r, User.ToActor(), Limit(note, 4000), ct), "reopened and reassessed", ct);

    public Task<IActionResult> OnPostVerifyAsync(string? calledNumber, string? numberSource, string? spokeWith, string? note, string? confirmedEmail, CancellationToken ct) =>
        Act(Permission.OfficialVerify, r => demands.Verify.RunAsync(r, User.ToActor(),
            new RecordVerification.CallBack(calledNumber ?? "", numberSource ?? "", spokeWith ?? "", Limit(note, 4000), Limit(confirmedEmail, 300)), ct), "call-back recorded and reassessed", ct);

    public Task<IActionResult> OnPostCloseAsync(string? note, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => demands.Close.RunAsync(r, User.ToActor(), Limit(note, 4000), ct), "closed", ct);

    public Task<IActionResult> OnPostDraftLetterAsync(string? language, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => demands.Letters.DraftAsync(r, language is { Length: > 0 and <= 10 } l ? l : "en", User.ToActor(), ct), "letter drafted", ct);

    /// <summary>The acknowledgement of receipt, which may go from intake on, before anything is decided.</summary>
    public Task<IActionResult> OnPostDraftAcknowledgementAsync(string? language, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => demands.Letters.DraftAcknowledgementAsync(r, language is { Length: > 0 and <= 10 } l ? l : "en", User.ToActor(), ct), "acknowledgement of receipt drafted", ct);

    public Task<IActionResult> OnPostEditLetterAsync(Guid letterId, string? subject, string? body, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => demands.Letters.EditAsync(r, letterId, subject ?? "", body ?? "", User.ToActor(), ct), "letter saved", ct);

    public Task<IActionResult> OnPostSendLetterAsync(Guid letterId, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => delivery.MarkSentAsync(r, letterId, User.ToActor(), ct), "letter marked as sent", ct);

    /// <summary>Queues the letter, PDF attached, to the portal account's or the call-back's address; refused without one.</summary>
    public Task<IActionResult> OnPostEmailLetterAsync(Guid letterId, CancellationToken ct) =>
        Act(Permission.DemandDecide, r => delivery.SendAsync(r, letterId, User.ToActor(), ct), "letter queued with its PDF to the proved address", ct);

    public Task<IActionResult> OnPostAssignAsync(string? assigneeId, CancellationToken ct) =>
        Act(Permission.DemandAssess, r => work.Assign.RunAsync(r, assigneeId ?? "", User.ToViewer(), ct), "assigned", ct);

    /// <summary>Anyone who may read the case may note on it: intake and approvers see things reviewers need.</summary>
    public Task<IActionResult> OnPostNoteAsync(string? text, CancellationToken ct) =>
        Act(Permission.DemandRead, r => work.Notes.AddAsync(r, text, User.ToActor(), ct), "note added", ct);

    private async Task<IActionResult> Act(Permission permission, Func<DemandRecord, Task> action, string done, CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record))
        {
            return NotFound();
        }

        if (!DemandAccess.CanAct(User, record, permission))
        {
            return Forbid();
        }

        try
        {
            await action(record);
        }
        catch (Exception ex) when (ex is WorkflowException or ConflictException or ValidationFailedException)
        {
            // Show the page again with the reason; nothing of the refused step was saved.
            db.ChangeTracker.Clear();
            if (ex is ValidationFailedException fields && Decision is not null)
            {
                Decision.Add(fields);
                Error = $"The decision was not recorded: {fields.Errors.Count} problem(s), shown next to the fields.";
            }
            else
            {
                Error = ex is ValidationFailedException v ? string.Join(" ", v.Errors.Select(e => e.Message)) : ex.Message;
            }

            await LoadAsync(ct);
            Response.StatusCode = ex is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        // Post/redirect/get: a reload does not repeat the action.
        return Redirect($"/desk/demands/{Id}?done={Uri.EscapeDataString(done)}#top");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record))
        {
            return false;
        }

        Record = record;
        View = await demands.View.RunAsync(record, ct);
        Letters = User.Can(Permission.DemandDecide) || User.Can(Permission.DemandApprove) ? await demands.Letters.ListAsync(record, ct) : [];
        LetterRoute = await delivery.RouteAsync(record, ct);
        var subject = record.Id.ToString();
        var rows = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == subject).OrderBy(e => e.Seq).Take(500).ToListAsync(ct);
        Ledger = rows.Select(e => new LedgerLine(e.Seq, LedgerCodeRanges.NameOf(e.Code),
            e.At, e.Actor, Convert.ToHexStringLower(e.LeafHash)[..16])).ToList();
        Notes = await work.Notes.ListAsync(record, ct);
        Colleagues = User.Can(Permission.DemandAssess) ? await work.Colleagues.ListAsync(ct) : [];
        var me = User.ToActor();
        DecidedByMe = View.Decision?.Decision.Decider.IsSamePersonAs(me) == true;
        ApprovedByMe = View.Decision is not null && await db.Approvals.AnyAsync(a => a.DecisionId == db.Decisions.Where(d => d.DemandId == Id && !d.Superseded).OrderByDescending(d => d.DecidedAt).Select(d => d.Id).FirstOrDefault()
            && (a.ApprovedById == me.Id || (a.ApprovedById == null && a.ApprovedBy == me.LedgerName)), ct);
        return true;
    }

    private static string? Limit(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }

        return text.Length <= max ? text : throw new WorkflowException($"The text is longer than {max} characters.");
    }
}
