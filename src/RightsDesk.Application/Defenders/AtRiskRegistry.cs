using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders;

public sealed record AtRiskIdentifierView(IdentifierKind Kind, string Value);

public sealed record AtRiskPersonView(
    Guid Id, string Category, AtRiskSource Source, bool Consent, DateOnly? ConsentOn, DateOnly ReviewOn, AtRiskVisibility VisibleTo,
    AtRiskStatus Status, string ProposedBy, DateTimeOffset ProposedAt, string? ApprovedBy, string? RemovalProposedBy,
    IReadOnlyList<AtRiskIdentifierView> Identifiers, string? Note);

/// <summary>What a proposal came to: the entry, and whether it is new (false: one of its identifiers was already listed).</summary>
public sealed record AtRiskProposal(Guid Id, AtRiskStatus Status, bool Created);

/// <summary>
/// The at-risk registry in the database: people with several identifiers, each found by a keyed blind index of its
/// canonical form (<see cref="AtRiskIdentifiers"/>) and stored sealed. Changes need two people
/// (<see cref="AtRiskTransitions"/>); every read of the list is a ledger event; matching a demand reads nothing back.
/// </summary>
public sealed class AtRiskRegistry(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    internal const string Purpose = "atRisk";
    private static readonly TimeSpan DefaultReview = TimeSpan.FromDays(365);

    /// <summary>The registry's matches for a demand's targets, for the assessor.</summary>
    public async Task<IAtRiskRegistry> SnapshotFor(IReadOnlyList<Target> targets, string? country, CancellationToken ct) =>
        new AtRiskMatches(await MatchAsync(targets, country, ct));

    /// <summary>Which targets name someone the registry protects (any identifier of the person, any of its forms).</summary>
    public async Task<IReadOnlyList<AtRiskMatch>> MatchAsync(IReadOnlyList<Target> targets, string? country, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var byTarget = targets.Select((t, i) => (Index: i, Keys: KeysOf(t, country))).ToList();
        var keys = byTarget.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        // One array parameter, not EF's default of one parameter per key: a batch of a thousand decisions asks for
        // thousands of keys, and a statement of that many parameters is built, prepared and bound for each batch.
        var rows = await db.AtRiskIdentifiers.AsNoTracking()
            .Where(i => EF.Parameter(keys).Contains(i.BlindIndex))
            .Join(db.AtRiskPeople.Where(p => p.Status != AtRiskStatus.Removed), i => i.PersonId, p => p.Id, (i, p) => new { i.BlindIndex, i.IndexVersion, p.Category })
            .ToListAsync(ct);
        var matches = new List<AtRiskMatch>();
        foreach (var (index, targetKeys) in byTarget)
        {
            if (rows.FirstOrDefault(r => targetKeys.Contains(r.BlindIndex)) is { } hit)
            {
                matches.Add(new AtRiskMatch(index, hit.Category));
            }
        }

        return matches;
    }

    public async Task<AtRiskProposal> ProposeAsync(AtRiskEntry entry, Actor by, CancellationToken ct)
    {
        var proposal = await AddProposalAsync(entry, by, ct);
        await ledger.SaveAsync(ct);
        return proposal;
    }

    /// <summary>Adds the proposal and its event to the caller's unit of work, for a use case that saves it with its own
    /// change (the incident channel proposes a self-request with the report that asked for it).</summary>
    public async Task<AtRiskProposal> AddProposalAsync(AtRiskEntry entry, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AtRiskTransitions.EnsureMayPropose(by, entry.Source);
        var indexed = entry.Identifiers
            .Select(i => (i.Kind, i.Value, Index: cipher.BlindIndex(Purpose, AtRiskIdentifiers.Canonical(i.Kind, i.Value, entry.Country))))
            .DistinctBy(i => i.Index)
            .ToList();
        var indexes = indexed.Select(i => i.Index).ToList();
        var existing = await db.AtRiskIdentifiers.AsNoTracking().Where(i => indexes.Contains(i.BlindIndex))
            .Join(db.AtRiskPeople.Where(p => p.Status != AtRiskStatus.Removed), i => i.PersonId, p => p.Id, (i, p) => p)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return new AtRiskProposal(existing.Id, existing.Status, false);
        }

        var now = clock.GetUtcNow();
        var (dek, wrapped) = cipher.NewDataKey();
        var person = new AtRiskPersonRecord
        {
            Id = Guid.CreateVersion7(now), Category = entry.Category, Source = entry.Source, Consent = entry.Consent, ConsentOn = entry.ConsentOn,
            ReviewOn = entry.ReviewOn ?? DateOnly.FromDateTime(now.Add(DefaultReview).UtcDateTime), VisibleTo = entry.VisibleTo,
            Country = entry.Country, Status = AtRiskStatus.Proposed, ProposedById = by.Id, ProposedBy = by.LedgerName, ProposedAt = now,
            UpdatedAt = now, Version = Guid.CreateVersion7(now), WrappedKey = wrapped,
        };
        person.SealedNote = entry.Note is null ? null : cipher.Encrypt(dek, entry.Note, SealingContext.AtRisk(person.Id, "note"));
        foreach (var (kind, value, index) in indexed)
        {
            var id = Guid.CreateVersion7(now);
            person.Identifiers.Add(new AtRiskIdentifierRecord
            {
                Id = id, PersonId = person.Id, Kind = kind, BlindIndex = index, IndexVersion = AtRiskIdentifierRecord.CurrentIndexVersion,
                SealedValue = cipher.Encrypt(dek, value.Trim(), SealingContext.AtRisk(id, "identifier")),
            });
        }

        db.AtRiskPeople.Add(person);
        ledger.Record(new AtRiskPersonProposed(entry.Category, entry.Source, entry.Consent, indexed.Count, entry.VisibleTo), by, person.Id.ToString());
        return new AtRiskProposal(person.Id, person.Status, true);
    }

    /// <summary>A second person approves the waiting addition or removal; null when the entry is not in the viewer's sight.</summary>
    public async Task<AtRiskStatus?> ApproveAsync(Guid id, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var person = await Visible(db.AtRiskPeople.Include(p => p.Identifiers), viewer).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var proposer = person.Status == AtRiskStatus.RemovalProposed
            ? Proposer(person.RemovalProposedById, person.RemovalProposedBy)
            : Proposer(person.ProposedById, person.ProposedBy);
        var next = AtRiskTransitions.Approve(person.Status, proposer, viewer.Actor);
        Touch(person, next);
        if (next == AtRiskStatus.Removed)
        {
            // A removed person's identifiers and note are erased: the row keeps only the trail of who decided.
            db.AtRiskIdentifiers.RemoveRange(person.Identifiers);
            person.SealedNote = null;
            ledger.Record(new AtRiskPersonRemoved(person.Category), viewer.Actor, id.ToString());
        }
        else
        {
            person.ApprovedById = viewer.Actor.Id;
            person.ApprovedBy = viewer.Actor.LedgerName;
            ledger.Record(new AtRiskPersonApproved(person.Category), viewer.Actor, id.ToString());
        }

        await ledger.SaveAsync(ct);
        return next;
    }

    /// <summary>One person proposes removing an active entry; it protects until a second person approves.</summary>
    public async Task<AtRiskStatus?> ProposeRemovalAsync(Guid id, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var person = await Visible(db.AtRiskPeople, viewer).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var next = AtRiskTransitions.ProposeRemoval(person.Status, viewer.Actor);
        Touch(person, next);
        person.RemovalProposedById = viewer.Actor.Id;
        person.RemovalProposedBy = viewer.Actor.LedgerName;
        ledger.Record(new AtRiskRemovalProposed(person.Category), viewer.Actor, id.ToString());
        await ledger.SaveAsync(ct);
        return next;
    }

    /// <summary>The entries the viewer may see, identifiers opened; a sensitive read, so a ledger event.</summary>
    public async Task<IReadOnlyList<AtRiskPersonView>> ListAsync(Viewer viewer, int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var rows = await Visible(db.AtRiskPeople.AsNoTracking().Include(p => p.Identifiers), viewer)
            .Where(p => p.Status != AtRiskStatus.Removed)
            .OrderBy(p => p.Id).Skip(skip).Take(take).ToListAsync(ct);
        var views = rows.Select(View).ToList();
        ledger.Record(new AtRiskRegistryRead(views.Count, views.Sum(v => v.Identifiers.Count)), viewer.Actor, null);
        await ledger.SaveAsync(ct);
        return views;
    }

    /// <summary>The human rights lead sees every entry; incident responders those marked for them.</summary>
    private static IQueryable<AtRiskPersonRecord> Visible(IQueryable<AtRiskPersonRecord> q, Viewer viewer)
    {
        if (!viewer.Can(Permission.AtRiskRead) && !viewer.Can(Permission.AtRiskManage))
        {
            return q.Where(_ => false);
        }

        return string.Equals(viewer.Role, Roles.HumanRightsLead, StringComparison.Ordinal) ? q : q.Where(p => p.VisibleTo == AtRiskVisibility.LeadAndResponders);
    }

    private AtRiskPersonView View(AtRiskPersonRecord p)
    {
        var dek = cipher.Unwrap(p.WrappedKey);
        var identifiers = p.Identifiers.OrderBy(i => i.Id)
            .Select(i => new AtRiskIdentifierView(i.Kind, cipher.Decrypt(dek, i.SealedValue, SealingContext.AtRisk(i.Id, "identifier"))))
            .ToList();
        var note = p.SealedNote is null ? null : cipher.Decrypt(dek, p.SealedNote, SealingContext.AtRisk(p.Id, "note"));
        return new AtRiskPersonView(p.Id, p.Category, p.Source, p.Consent, p.ConsentOn, p.ReviewOn, p.VisibleTo, p.Status, p.ProposedBy, p.ProposedAt,
            p.ApprovedBy, p.RemovalProposedBy, identifiers, note);
    }

    private void Touch(AtRiskPersonRecord person, AtRiskStatus next)
    {
        var now = clock.GetUtcNow();
        person.Status = next;
        person.UpdatedAt = now;
        person.Version = Guid.CreateVersion7(now);
    }

    /// <summary>Entries moved from the one-identifier registry carry only the ledger name of who added them.</summary>
    private static Actor Proposer(string? id, string? name) => Actor.Person(id ?? "name:" + name, name ?? "");

    /// <summary>
    /// The blind indexes a target is looked up under: each canonical form, and the earlier registry's form (trimmed,
    /// lower-cased, without a leading @) so entries not yet re-indexed still match.
    /// </summary>
    private List<string> KeysOf(Target target, string? country)
    {
        var forms = AtRiskIdentifiers.FormsOf(target, country).ToList();
        forms.Add(AtRiskReindex.LegacyForm(target.Id));
        return forms.Distinct(StringComparer.Ordinal).Select(f => cipher.BlindIndex(Purpose, f)).ToList();
    }
}
