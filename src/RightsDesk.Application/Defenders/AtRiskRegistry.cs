using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders;

public sealed record AtRiskView(Guid Id, string Identifier, string Category, DateTimeOffset AddedAt, string AddedBy, string? Note);

/// <summary>
/// The at-risk registry in the database. Identifiers are found by keyed blind index and stored sealed; reading the
/// list back is a sensitive read and goes in the ledger.
/// </summary>
public sealed class AtRiskRegistry(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    private const string Purpose = "atRisk";

    public async Task<AtRiskList> SnapshotFor(IReadOnlyList<Target> targets, CancellationToken ct)
    {
        var byIndex = targets
            .Select(t => (t.Id, Index: cipher.BlindIndex(Purpose, AtRiskCategories.Normalise(t.Id))))
            .ToList();
        var indexes = byIndex.Select(x => x.Index).ToList();
        var rows = await db.AtRisk.AsNoTracking().Where(r => indexes.Contains(r.BlindIndex)).Select(r => new { r.BlindIndex, r.Category }).ToListAsync(ct);
        var matched = byIndex
            .SelectMany(x => rows.Where(r => r.BlindIndex == x.Index).Select(r => (x.Id, r.Category)))
            .ToList();
        return new AtRiskList(matched);
    }

    public async Task<(AtRiskRecord Record, bool Created)> AddAsync(string identifier, string category, string? note, string actor, CancellationToken ct)
    {
        var normalised = AtRiskCategories.Normalise(identifier);
        var index = cipher.BlindIndex(Purpose, normalised);
        var existing = await db.AtRisk.FirstOrDefaultAsync(r => r.BlindIndex == index, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        var now = clock.GetUtcNow();
        var (dek, wrapped) = cipher.NewDataKey();
        var record = new AtRiskRecord
        {
            Id = Guid.CreateVersion7(now), BlindIndex = index, Category = category, AddedBy = actor, AddedAt = now, WrappedKey = wrapped,
        };
        record.SealedIdentifier = cipher.Encrypt(dek, identifier.Trim(), Context(record.Id, "identifier"));
        record.SealedNote = note is null ? null : cipher.Encrypt(dek, note, Context(record.Id, "note"));
        db.AtRisk.Add(record);
        ledger.Record(new AtRiskAdded(category), actor, record.Id.ToString());
        await ledger.SaveAsync(ct);
        return (record, true);
    }

    public async Task<bool> RemoveAsync(Guid id, string actor, CancellationToken ct)
    {
        var record = await db.AtRisk.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        db.AtRisk.Remove(record);
        ledger.Record(new AtRiskRemoved(record.Category), actor, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<AtRiskView>> ListAsync(string actor, int skip, int take, CancellationToken ct)
    {
        var rows = await db.AtRisk.AsNoTracking().OrderBy(r => r.AddedAt).Skip(skip).Take(take).ToListAsync(ct);
        ledger.Record(new AtRiskRead(rows.Count), actor, null);
        await ledger.SaveAsync(ct);
        return rows.Select(View).ToList();
    }

    private AtRiskView View(AtRiskRecord r)
    {
        var dek = cipher.Unwrap(r.WrappedKey);
        return new AtRiskView(r.Id, cipher.Decrypt(dek, r.SealedIdentifier, Context(r.Id, "identifier")), r.Category, r.AddedAt, r.AddedBy,
            r.SealedNote is null ? null : cipher.Decrypt(dek, r.SealedNote, Context(r.Id, "note")));
    }

    private static SealingContext Context(Guid id, string field) => SealingContext.AtRisk(id, field);
}
