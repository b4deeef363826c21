using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>A demand's original documents: each sealed under its own data key, each read recorded.</summary>
public sealed class DemandDocuments(DemandCases cases)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Opened(DocumentRecord Record, string FileName, byte[] Content);

    public async Task AddAsync(DemandRecord record, Upload document, Actor actor, CancellationToken ct)
    {
        Add(record, document, actor, cases.Now);
        await cases.Ledger.SaveAsync(ct);
    }

    internal void Add(DemandRecord record, Upload document, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Content.Length > MaxBytes)
        {
            throw new WorkflowException($"A document is limited to {MaxBytes / (1024 * 1024)} MB.");
        }

        // Each document gets its own data key: it can be shared or destroyed on its own.
        var (dek, wrapped) = cases.Sealing.NewDataKey();
        var id = Guid.CreateVersion7(now);
        cases.Db.Documents.Add(new DocumentRecord
        {
            Id = id,
            DemandId = record.Id,
            ContentType = document.ContentType,
            Length = document.Content.Length,
            UploadedAt = now,
            UploadedBy = actor.LedgerName,
            WrappedKey = wrapped,
            SealedFileName = cases.Sealing.Seal(dek, id, "fileName", document.FileName),
            SealedContent = cases.Sealing.SealBytes(dek, id, "content", document.Content),
        });
        cases.Record(new DocumentUploaded(id, Convert.ToHexStringLower(SHA256.HashData(document.Content)), document.Content.Length), actor, record);
    }

    /// <summary>Opens one document of the demand; the read is a ledger event, saved before the content is returned.</summary>
    public async Task<Opened?> ReadAsync(Guid demandId, Guid documentId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var doc = await cases.Db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.DemandId == demandId, ct);
        if (doc is null)
        {
            return null;
        }

        var dek = cases.Sealing.UnwrapKey(doc.WrappedKey);
        cases.Ledger.Record(new DocumentRead(documentId), actor, demandId.ToString());
        await cases.Ledger.SaveAsync(ct);
        return new Opened(doc, cases.Sealing.Open(dek, doc.Id, "fileName", doc.SealedFileName), cases.Sealing.OpenBytes(dek, doc.Id, "content", doc.SealedContent));
    }
}
