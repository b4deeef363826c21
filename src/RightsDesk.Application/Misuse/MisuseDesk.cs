using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Misuse;

namespace RightsDesk.Application.Misuse;

/// <summary>A measure opened on the desk: the party and the reasons unsealed (a ledgered read).</summary>
public sealed record MisuseView(MisuseMeasureRecord Measure, string PartyId, string Reasons, string? CloseReasons, MisuseMeasureRecord? Warning);

/// <summary>
/// Measures against misuse (DSA Art. 23): a warning first, then, only while that warning stands, a suspension for a
/// reasonable period that one person (or the platform) proposes and a second, different person confirms. Warnings,
/// proposals and their outcomes are each a ledger event with the counted facts and never the party; the party and
/// the reasons are sealed under the measure's own key. Confirming, declining and lifting are in
/// <see cref="MisuseSuspensions"/>.
/// </summary>
public sealed class MisuseDesk(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PolicyProvider policies, MisuseCounts counts, MisuseNotices notify, TimeProvider clock)
{
    public Art23Policy Policy => (policies.Current.Moderation ?? throw new InvalidOperationException("The policy has no moderation.json.")).Misuse;

    /// <summary>Where a party stands for one kind of misuse, as the desk's check and the platform's API show it.</summary>
    /// <exception cref="ValidationFailedException">when the party does not fit the kind or is not named.</exception>
    public Task<MisuseStatus> StatusAsync(MisuseKind kind, MisuseParty party, string? partyId, CancellationToken ct)
    {
        var errors = MisuseRequests.CheckParty(kind, party, partyId);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return counts.StatusAsync(kind, party, counts.Index(party, partyId!), Policy, clock.GetUtcNow(), ct);
    }

    /// <summary>Warns a party. Always allowed once the request is sound: a warning is the least a platform may do,
    /// and the one Art. 23 requires before anything more.</summary>
    public async Task<MisuseMeasureRecord> WarnAsync(MisuseRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (index, status) = await CheckAsync(request, ct);
        var measure = New(request, MisuseMeasureType.Warning, MisuseState.Issued, index, status.Facts, actor);
        db.MisuseMeasures.Add(measure);
        ledger.Record(new MisuseWarningIssued(request.Kind, request.Party, status.Facts.Misused, status.Facts.Total, Policy.WindowDays,
            policies.Current.Version, Sha256(request.Reasons!.Trim())), actor, measure.Id.ToString());
        await notify.WarnedAsync(measure, request.PartyId!.Trim(), request.Reasons!.Trim(), ct);
        await ledger.SaveAsync(ct);
        return measure;
    }

    /// <summary>Proposes a suspension of a warned party until <see cref="MisuseRequest.Until"/>, its last day.</summary>
    /// <exception cref="WorkflowException">when there is no standing warning, the period is not reasonable, or a
    /// suspension is already proposed or in force.</exception>
    public async Task<MisuseMeasureRecord> ProposeAsync(MisuseRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (index, status) = await CheckAsync(request, ct);
        var now = clock.GetUtcNow();
        var measures = await counts.MeasuresAsync(request.Kind, request.Party, index, ct);
        var warnings = measures.Where(m => m.Type == MisuseMeasureType.Warning).Select(w => new PriorWarning(w.Kind, index, w.CreatedAt));
        if (MisuseRules.RefuseSuspension(request.Kind, index, warnings, now, request.Until, Policy) is { } why)
        {
            throw new WorkflowException(why);
        }

        if (measures.Any(m => m.Type == MisuseMeasureType.Suspension && m.State == MisuseState.Proposed) || status.Suspension is not null)
        {
            throw new WorkflowException("A suspension of this party for this kind of misuse is already proposed or in force.");
        }

        var measure = New(request, MisuseMeasureType.Suspension, MisuseState.Proposed, index, status.Facts, actor);
        measure.WarningId = status.Warning!.Id;
        measure.Until = request.Until;
        db.MisuseMeasures.Add(measure);
        ledger.Record(new MisuseSuspensionProposed(request.Kind, request.Party, measure.WarningId.Value, request.Until!.Value,
            status.Facts.Misused, status.Facts.Total, Sha256(request.Reasons!.Trim())), actor, measure.Id.ToString());
        await ledger.SaveAsync(ct);
        return measure;
    }

    /// <summary>The measures, newest first, optionally of one state; no sealed field is opened to list them.</summary>
    public async Task<IReadOnlyList<MisuseMeasureRecord>> ListAsync(MisuseState? state, CancellationToken ct)
    {
        var query = db.MisuseMeasures.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.CreatedAt).Take(500)];
    }

    /// <summary>An account's Art. 23 measures of every kind, newest first, by the decisions' own index.</summary>
    public async Task<IReadOnlyList<MisuseMeasureRecord>> ForAccountAsync(string accountIndex, CancellationToken ct)
    {
        var rows = await db.MisuseMeasures.AsNoTracking().Where(m => m.Party == MisuseParty.Account && m.PartyIndex == accountIndex).ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.CreatedAt)];
    }

    public async Task<MisuseMeasureRecord?> FindAsync(Guid id, CancellationToken ct) =>
        await db.MisuseMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Opens a measure's party and reasons; ledgered as a sensitive read.</summary>
    public async Task<MisuseView?> OpenAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var m = await FindAsync(id, ct);
        if (m is null)
        {
            return null;
        }

        var warning = m.WarningId is { } w ? await FindAsync(w, ct) : null;
        var key = cipher.Unwrap(m.WrappedKey);
        try
        {
            var view = new MisuseView(m, cipher.Decrypt(key, m.SealedParty, Context(m.Id, "party")), cipher.Decrypt(key, m.SealedReasons, Context(m.Id, "reasons")),
                m.SealedCloseReasons is { } c ? cipher.Decrypt(key, c, Context(m.Id, "close")) : null, warning);
            ledger.Record(new MisuseMeasureRead(true), actor, m.Id.ToString());
            await ledger.SaveAsync(ct);
            return view;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public static SealingContext Context(Guid id, string field) => SealingContext.Moderation(id, "misuse." + field);

    internal static string Sha256(string text) => SubmitAppeal.Sha256(text);

    private async Task<(string Index, MisuseStatus Status)> CheckAsync(MisuseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = MisuseRequests.Check(request);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var index = counts.Index(request.Party, request.PartyId!);
        return (index, await counts.StatusAsync(request.Kind, request.Party, index, Policy, clock.GetUtcNow(), ct));
    }

    private MisuseMeasureRecord New(MisuseRequest request, MisuseMeasureType type, MisuseState state, string index, MisuseFacts facts, Actor actor)
    {
        var now = clock.GetUtcNow();
        var (key, wrapped) = cipher.NewDataKey();
        var id = Guid.CreateVersion7(now);
        try
        {
            return new MisuseMeasureRecord
            {
                Id = id, Kind = request.Kind, Type = type, Party = request.Party, PartyIndex = index, State = state,
                Language = request.Language ?? "en", Misused = facts.Misused, Total = facts.Total, WindowDays = Policy.WindowDays,
                PolicyVersion = policies.Current.Version, CreatedAt = now, CreatedBy = actor.LedgerName, CreatedById = actor.Id, WrappedKey = wrapped,
                SealedParty = cipher.Encrypt(key, request.PartyId!.Trim(), Context(id, "party")),
                SealedReasons = cipher.Encrypt(key, request.Reasons!.Trim(), Context(id, "reasons")),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
