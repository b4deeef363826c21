using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Demands;

namespace RightsDesk.Application.Letters;

/// <summary>
/// Where a letter can go: by the outbox to the official's portal address (<see cref="Portal"/>) or to the address the
/// authority confirmed on a call-back (<see cref="CallBack"/>), or, with neither, only by the channel staff use.
/// </summary>
/// <param name="Route">"portal", "callBack", or null when the letter is not e-mailed from here.</param>
/// <param name="To">The address it goes to, shown to staff on the send form; never written to the ledger.</param>
public sealed record LetterRoute(string? Route, string? To, string Explanation)
{
    public const string Portal = "portal";
    public const string CallBack = "callBack";

    public bool ByOutbox => Route is not null;
}

/// <summary>A printed letter: the PDF, or the HTML with the reason no PDF could be printed.</summary>
public sealed record PrintedLetter(LetterText Letter, byte[]? Pdf, string Html, string? NoPdfBecause)
{
    public string FileStem => $"letter-{Letter.Record.Id:N}";
}

/// <summary>
/// Printing and sending letters to the authority. A letter goes by the outbox only to an address the platform has
/// proved: the e-mail address of the portal account that submitted the demand (its mailbox proved at enrolment), or,
/// without one, the address a person on a recorded call-back confirmed. An address in the demand's text, or a reply-to,
/// is the requester's claim, so a letter is never sent to it; those letters go by the channel staff use and are marked sent.
/// </summary>
public sealed class LetterDelivery(ResponseLetters letters, DemandCases cases, IOutbox outbox, ILetterPrinter printer)
{
    public string? PdfUnavailable => printer.Unavailable;

    public async Task<LetterRoute> RouteAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await PortalAddressAsync(record, ct) is { } portal)
        {
            return new LetterRoute(LetterRoute.Portal, portal,
                "This demand came through the portal: the letter goes, with its PDF attached, to the e-mail address of the official's portal account, whose mailbox was proved at enrolment.");
        }

        if (CallBackAddress(record) is { } confirmed)
        {
            return new LetterRoute(LetterRoute.CallBack, confirmed,
                "There is no portal account for this demand: the letter goes, with its PDF attached, to the address the authority confirmed when staff called it back on a number they found themselves. Addresses in the demand itself are never written to.");
        }

        return new LetterRoute(null, null, record.RequesterUserId is null
            ? "This demand did not come through the portal and no call-back has confirmed an address, so the letter is not e-mailed from here (an address in the demand itself is the sender's claim): record a call-back with the address the authority confirms, or send the letter by the channel you use for this authority, then mark it as sent."
            : "The official's portal account cannot receive mail now (not enrolled or disabled): send the letter by the channel you use for this authority, then mark it as sent.");
    }

    /// <summary>The letter printed for download; the download is a read of the case and is ledgered.</summary>
    public async Task<PrintedLetter?> DownloadAsync(DemandRecord record, Guid letterId, Actor actor, CancellationToken ct)
    {
        var printed = await PrintAsync(record, letterId, ct);
        if (printed is not null)
        {
            cases.Record(new LetterRead(letterId, printed.Pdf is null ? "html" : "pdf"), actor, record);
            await cases.SaveAsync(ct);
        }

        return printed;
    }

    /// <summary>Queues the letter with its PDF to the proved address (<see cref="RouteAsync"/>) and marks it sent, in one save.</summary>
    public async Task SendAsync(DemandRecord record, Guid letterId, Actor actor, CancellationToken ct)
    {
        var route = await RouteAsync(record, ct);
        if (route is not { Route: { } via, To: { } to })
        {
            throw new WorkflowException("This letter cannot be e-mailed from here: only a portal account or a call-back has given an address the platform has proved. Send it by the channel you use for this authority, then mark it as sent.");
        }

        var printed = await PrintAsync(record, letterId, ct) ?? throw new WorkflowException("There is no such letter on this demand.");
        if (printed.Pdf is null)
        {
            throw new WorkflowException($"The letter was not sent: {printed.NoPdfBecause}");
        }

        var mail = new EmailPayload(to, printed.Letter.Subject, printed.Letter.Body)
        {
            Attachments = [new EmailAttachment(printed.FileStem + ".pdf", "application/pdf", printed.Pdf)],
        };
        await outbox.EnqueueAsync(OutboxMessage.Email(OutboxTopics.Letter, $"letter:{letterId:N}", mail) with
        {
            CorrelationId = record.Id.ToString(),
            SubjectId = letterId.ToString(),
        }, ct);
        await letters.MarkSentAsync(record, letterId, Sha256(printed.Pdf), "outbox", actor, ct, via);
        await cases.SaveAsync(ct);
    }

    /// <summary>Staff sent the letter themselves. The PDF's hash is recorded when one can be printed here.</summary>
    public async Task MarkSentAsync(DemandRecord record, Guid letterId, Actor actor, CancellationToken ct)
    {
        var printed = await PrintAsync(record, letterId, ct) ?? throw new WorkflowException("There is no such letter on this demand.");
        await letters.MarkSentAsync(record, letterId, printed.Pdf is null ? null : Sha256(printed.Pdf), "staff", actor, ct);
        await cases.SaveAsync(ct);
    }

    private async Task<PrintedLetter?> PrintAsync(DemandRecord record, Guid letterId, CancellationToken ct)
    {
        var letter = await letters.FindAsync(record, letterId, ct);
        if (letter is null)
        {
            return null;
        }

        var html = LetterHtml.Document(letter.Subject, letter.Body, letter.Record.Language);
        if (printer.Unavailable is { } why)
        {
            return new PrintedLetter(letter, null, html, why);
        }

        try
        {
            return new PrintedLetter(letter, await printer.PrintAsync(html, ct), html, null);
        }
        catch (WorkflowException ex)
        {
            return new PrintedLetter(letter, null, html, ex.Message);
        }
    }

    private async Task<string?> PortalAddressAsync(DemandRecord record, CancellationToken ct)
    {
        if (record.RequesterUserId is not { } userId)
        {
            return null;
        }

        var user = await cases.Db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Kind == AccountKind.Official && !u.Disabled && u.EnrolledAt != null)
            .Select(u => new { u.Email })
            .FirstOrDefaultAsync(ct);
        return user?.Email is { Length: > 0 } email ? email : null;
    }

    private string? CallBackAddress(DemandRecord record) =>
        record.SealedCallBackEmail is { } sealedEmail ? cases.Sealing.Open(cases.Sealing.Key(record), record.Id, "callBackEmail", sealedEmail) : null;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
