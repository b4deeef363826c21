using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Partners;
using RightsDesk.Data;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Partners;

namespace RightsDesk.Application.Partners;

/// <summary>A flag as its partner sees it: where it is, how it ended, and what the desk wrote back.</summary>
public sealed record PartnerFlagView(
    Guid Id, string Reference, string Types, IncidentStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt,
    string? Outcome, bool? Upheld, IReadOnlyList<IncidentThreadMessage> Replies);

/// <summary>A partner as the desk lists it, with how accurate its flags have been.</summary>
public sealed record PartnerSummary(Guid Id, string Organisation, string Expertise, string Countries, DateTimeOffset ApprovedAt, PartnerAccuracy Accuracy,
    PartnerStanding Standing);

/// <summary>Whether the partner's standing is being ended (proposed by one person, with the reason the second reads)
/// or has ended.</summary>
public sealed record PartnerStanding(string? ProposedBy, string? ProposedById, string? Reason, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>
/// Trusted partners' flags: a flag is an incident from the incident store, marked as the partner's, which puts it
/// ahead of reports of the same severity and gives it at least the policy's severity for partner flags. The partner
/// follows each flag's outcome and the desk's replies on its own pages; its accuracy (upheld of decided) is kept
/// from the outcomes, never typed in.
/// </summary>
public sealed class PartnerFlags(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, SubmitIncident submit)
{
    /// <summary>The partner behind an account, or null when the account is not a partner's.</summary>
    public Task<PartnerRecord?> PartnerOfAsync(string userId, CancellationToken ct) =>
        db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    /// <param name="via">"page" or "api", for the ledger.</param>
    public async Task<IncidentSubmitted> FlagAsync(PartnerRecord partner, IncidentReport report, Actor by, string via, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(by);
        var submitted = await submit.RunForPartnerAsync(report, partner.Id, by, ct);
        ledger.Record(new PartnerFlagged(submitted.Id, string.Join(",", report.Types.Select(t => Core.JsonNames.Of(t))), submitted.Severity, report.Urgency, via),
            by, partner.Id.ToString());
        await ledger.SaveAsync(ct);
        // The receipt is dropped here: the partner follows the flag on its pages, signed in, and never needs it.
        return submitted with { Receipt = "" };
    }

    /// <summary>The partner's flags, newest first, with the desk's replies opened (a read the ledger records).</summary>
    public async Task<IReadOnlyList<PartnerFlagView>> FeedbackAsync(PartnerRecord partner, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var records = await db.Incidents.AsNoTracking().Include(i => i.Messages).Where(i => i.PartnerId == partner.Id)
            .OrderByDescending(i => i.ReceivedAt).Take(200).ToListAsync(ct);
        var views = records.Select(View).ToList();
        ledger.Record(new PartnerFeedbackRead(views.Count), by, partner.Id.ToString());
        await ledger.SaveAsync(ct);
        return views;
    }

    public async Task<IReadOnlyList<PartnerSummary>> ListAsync(CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Organisation).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var outcomes = await db.Incidents.AsNoTracking().Where(i => i.PartnerId != null && ids.Contains(i.PartnerId.Value))
            .Select(i => new { i.PartnerId, i.Outcome }).ToListAsync(ct);
        return partners.Select(p => new PartnerSummary(p.Id, p.Organisation, p.Expertise, p.Countries, p.ApprovedAt,
            PartnerAccuracy.Of(outcomes.Where(o => o.PartnerId == p.Id).Select(o => o.Outcome)),
            new PartnerStanding(p.RevocationProposedBy, p.RevocationProposedById, p.RevocationReason, p.RevokedAt, p.RevokedBy))).ToList();
    }

    /// <summary>The organisation that flagged an incident, for the desk's incident page; null for a public report.</summary>
    public async Task<string?> OrganisationOfAsync(Guid incidentId, CancellationToken ct) =>
        await (from i in db.Incidents.AsNoTracking()
               join p in db.Partners.AsNoTracking() on i.PartnerId equals p.Id
               where i.Id == incidentId
               select p.Organisation).FirstOrDefaultAsync(ct);

    private PartnerFlagView View(IncidentRecord i)
    {
        var key = cipher.Unwrap(i.WrappedKey);
        try
        {
            var replies = i.Messages.Where(m => m.Author == IncidentAuthor.Desk).OrderBy(m => m.At)
                .Select(m => new IncidentThreadMessage(m.Author, m.At, cipher.Decrypt(key, m.SealedText, SealingContext.Incident(i.Id, "message:" + m.Id.ToString("N")))))
                .ToList();
            return new PartnerFlagView(i.Id, i.Reference, i.Types, i.Status, i.ReceivedAt, i.AcknowledgedAt, i.Outcome,
                i.Outcome is null ? null : PartnerAccuracy.IsUpheld(i.Outcome), replies);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
