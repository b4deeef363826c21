using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Partners;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Partners;
using static RightsDesk.Application.Defenders.Incidents.SubmitIncident;

namespace RightsDesk.Application.Partners;

/// <summary>One row of the applications list: nothing sealed.</summary>
public sealed record PartnerApplicationRow(
    Guid Id, string Organisation, string Expertise, string Countries, PartnerApplicationStatus Status, DateTimeOffset ReceivedAt, string? VettedBy, string? DecidedBy);

/// <summary>One vetting note: who wrote it, when, at which step.</summary>
public sealed record VettingNote(DateTimeOffset At, string By, string Step, string Text);

public sealed record PartnerApplicationCase(PartnerApplicationRow Row, SealedApplication Application, string Language, IReadOnlyList<VettingNote> Notes);

/// <summary>
/// The desk's side of applications: the list, opening one (ledgered: it unseals a person's contact), vetting it (the
/// first person), and rejecting it. Approval, which makes the account, is <c>Web/Partners/PartnerOnboarding</c>'s,
/// through <see cref="AddApprovalAsync"/> so the account and the approval are saved together.
/// </summary>
public sealed class PartnerApplications(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxNote = 2000;

    public async Task<IReadOnlyList<PartnerApplicationRow>> ListAsync(CancellationToken ct)
    {
        var rows = await db.PartnerApplications.AsNoTracking().OrderByDescending(a => a.ReceivedAt).Take(500).ToListAsync(ct);
        return rows.Select(Row).OrderBy(r => r.Status switch { PartnerApplicationStatus.Vetted => 0, PartnerApplicationStatus.Received => 1, _ => 2 }).ToList();
    }

    public async Task<PartnerApplicationCase?> OpenAsync(Guid id, Actor by, CancellationToken ct)
    {
        var record = await db.PartnerApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
        {
            return null;
        }

        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            var application = JsonSerializer.Deserialize<SealedApplication>(
                cipher.Decrypt(key, record.SealedApplication, SealingContext.PartnerApplication(id, "application")), ApplyAsPartner.Json)!;
            ledger.Record(new PartnerApplicationRead(), by, id.ToString());
            await ledger.SaveAsync(ct);
            return new PartnerApplicationCase(Row(record), application, record.Language, Notes(record, key));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The first person records that they vetted the organisation (mandate, independence, who vouches for it).</summary>
    public async Task<bool> VetAsync(Guid id, string? note, Actor by, CancellationToken ct)
    {
        var text = Note(note);
        var record = await db.PartnerApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        record.Status = PartnerVetting.Vet(record.Status, by);
        var now = clock.GetUtcNow();
        record.VettedById = by.Id;
        record.VettedBy = by.LedgerName;
        record.VettedAt = now;
        AppendNote(record, new VettingNote(now, by.LedgerName, "vetted", text));
        ledger.Record(new PartnerApplicationVetted(Sha256(text)), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<bool> RejectAsync(Guid id, string? reason, Actor by, CancellationToken ct)
    {
        var text = Note(reason);
        var record = await db.PartnerApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        var from = record.Status;
        record.Status = PartnerVetting.Reject(record.Status, by);
        var now = clock.GetUtcNow();
        record.DecidedBy = by.LedgerName;
        record.DecidedAt = now;
        AppendNote(record, new VettingNote(now, by.LedgerName, "rejected", text));
        ledger.Record(new PartnerApplicationRejected(JsonNames.Of(from), Sha256(text)), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>
    /// The second person's approval, added to the caller's unit of work with the partner it creates for the account
    /// <paramref name="userId"/>. Null when there is no such application. The caller saves.
    /// </summary>
    public async Task<(PartnerRecord Partner, string ContactEmail)?> AddApprovalAsync(Guid id, string? note, Actor by, string userId, CancellationToken ct)
    {
        var text = Note(note);
        var record = await db.PartnerApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
        {
            return null;
        }

        var vetter = Actor.Person(record.VettedById ?? "name:" + record.VettedBy, record.VettedBy ?? "");
        record.Status = PartnerVetting.Approve(record.Status, vetter, by);
        var now = clock.GetUtcNow();
        var partner = new PartnerRecord
        {
            Id = Guid.CreateVersion7(now), ApplicationId = id, UserId = userId, Organisation = record.Organisation,
            Expertise = record.Expertise, Countries = record.Countries, ApprovedAt = now,
        };
        db.Partners.Add(partner);
        record.PartnerId = partner.Id;
        record.DecidedBy = by.LedgerName;
        record.DecidedAt = now;
        AppendNote(record, new VettingNote(now, by.LedgerName, "approved", text));
        ledger.Record(new PartnerApproved(partner.Id, record.Expertise, record.Countries, record.VettedBy ?? ""), by, id.ToString());
        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            var application = JsonSerializer.Deserialize<SealedApplication>(
                cipher.Decrypt(key, record.SealedApplication, SealingContext.PartnerApplication(id, "application")), ApplyAsPartner.Json)!;
            return (partner, application.ContactEmail);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static string Note(string? note)
    {
        var s = (note ?? "").Trim();
        return s.Length is < 10 or > MaxNote || s.Any(c => char.IsControl(c) && c is not '\n' and not '\r')
            ? throw new ValidationFailedException([new FieldError("note", $"Write what you checked and found, in 10 to {MaxNote} characters.")])
            : s;
    }

    private void AppendNote(PartnerApplicationRecord record, VettingNote note)
    {
        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            var notes = Notes(record, key).Append(note).ToList();
            record.SealedNotes = cipher.Encrypt(key, JsonSerializer.Serialize(notes, ApplyAsPartner.Json), SealingContext.PartnerApplication(record.Id, "notes"));
            record.Version = Guid.CreateVersion7(clock.GetUtcNow());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private List<VettingNote> Notes(PartnerApplicationRecord record, byte[] key) => record.SealedNotes is null
        ? []
        : JsonSerializer.Deserialize<List<VettingNote>>(cipher.Decrypt(key, record.SealedNotes, SealingContext.PartnerApplication(record.Id, "notes")), ApplyAsPartner.Json)!;

    private static PartnerApplicationRow Row(PartnerApplicationRecord a) =>
        new(a.Id, a.Organisation, a.Expertise, a.Countries, a.Status, a.ReceivedAt, a.VettedBy, a.DecidedBy);
}
