using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders.Incidents;

public sealed record IncidentThreadMessage(IncidentAuthor Author, DateTimeOffset At, string Text);

/// <summary>What the reporter sees with their receipt: the status and the messages, never who on the desk wrote.</summary>
public sealed record IncidentStatusView(string Reference, IncidentStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt, IReadOnlyList<IncidentThreadMessage> Messages);

/// <summary>A receipt check: the view when the code is right; otherwise refused or "try later", alike for every wrong code.</summary>
public sealed record ReceiptResult(SecretCodeCheck Check, IncidentStatusView? View);

/// <summary>
/// The reporter's side of an incident, opened only with the receipt code (typed into a form, never in an address):
/// the status and the thread, and writing to the desk.
/// </summary>
public sealed class IncidentReceipts(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, SecretCodes.SecretCodes codes, TimeProvider clock)
{
    public const int MaxMessage = 4000;

    public async Task<ReceiptResult> CheckAsync(string receipt, CancellationToken ct)
    {
        var (check, record) = await OpenAsync(receipt, ct);
        if (record is null)
        {
            return new ReceiptResult(check, null);
        }

        ledger.Record(new IncidentReceiptChecked(record.Status), Actor.System(SubmitIncident.Channel), record.Id.ToString());
        await ledger.SaveAsync(ct);
        return new ReceiptResult(check, View(record));
    }

    /// <summary>Adds the reporter's message to the thread and answers with the thread as it now stands.</summary>
    public async Task<ReceiptResult> WriteAsync(string receipt, string text, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, MaxMessage);
        var (check, record) = await OpenAsync(receipt, ct);
        if (record is null)
        {
            return new ReceiptResult(check, null);
        }

        var now = clock.GetUtcNow();
        var message = new IncidentMessageRecord { Id = Guid.CreateVersion7(now), IncidentId = record.Id, Author = IncidentAuthor.Reporter, At = now };
        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            message.SealedText = cipher.Encrypt(key, text, SealingContext.Incident(record.Id, "message:" + message.Id.ToString("N")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        db.IncidentMessages.Add(message);
        // EF's fix-up has already put the new message in the tracked record's list; adding it again showed it twice.
        if (!record.Messages.Contains(message))
        {
            record.Messages.Add(message);
        }
        record.UpdatedAt = now;
        record.Version = Guid.CreateVersion7(now);
        ledger.Record(new IncidentMessageReceived(message.Id, SubmitIncident.Sha256(text)), Actor.System(SubmitIncident.Channel), record.Id.ToString());
        await ledger.SaveAsync(ct);
        return new ReceiptResult(check, View(record));
    }

    private async Task<(SecretCodeCheck, IncidentRecord?)> OpenAsync(string receipt, CancellationToken ct)
    {
        IncidentRecord? found = null;
        var check = await codes.VerifyAsync(SubmitIncident.ReceiptPurpose, receipt ?? "", async (lookup, token) =>
        {
            found = await db.Incidents.Include(i => i.Messages).FirstOrDefaultAsync(i => i.ReceiptLookup == lookup, token);
            return found is null ? null : new StoredCode(found.ReceiptLookup, found.ReceiptSalt, found.ReceiptHash);
        }, ct);
        return (check, check == SecretCodeCheck.Accepted ? found : null);
    }

    private IncidentStatusView View(IncidentRecord record)
    {
        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            var messages = record.Messages.OrderBy(m => m.At)
                .Select(m => new IncidentThreadMessage(m.Author, m.At, cipher.Decrypt(key, m.SealedText, SealingContext.Incident(record.Id, "message:" + m.Id.ToString("N")))))
                .ToList();
            return new IncidentStatusView(record.Reference, record.Status, record.ReceivedAt, record.AcknowledgedAt, messages);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
