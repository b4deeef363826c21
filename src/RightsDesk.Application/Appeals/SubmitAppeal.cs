using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Common;
using RightsDesk.Application.Misuse;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;
using RightsDesk.Data.Appeals;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Appeals;

/// <summary>What the appellant sends: why the decision is wrong, anything new, and optionally where to send the outcome.</summary>
public sealed record AppealInput(string? Statement, string? NewInformation, string? Language, string? Contact);

/// <summary>
/// Takes in an appeal (DSA Art. 20) against a stored decision, from the public page (the code already opened the
/// decision) or from the platform's own appeal flow (by puid). Open for the policy's appeal window after the
/// decision; one appeal per decision. The texts are sealed; the ledger gets their hash.
/// </summary>
public sealed class SubmitAppeal(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PolicyProvider policies, MisuseCounts misuse, TimeProvider clock)
{
    public const int MaxContact = 254;

    /// <summary>The languages an outcome can be written in (the public pages' languages).</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "es", "fr", "ar", "ru", "tr", "fa", "zh-Hans" };

    /// <returns>the appeal, or null when there is no such decision.</returns>
    /// <exception cref="ValidationFailedException">naming each bad field.</exception>
    /// <exception cref="WorkflowException">when the window has closed.</exception>
    /// <exception cref="ConflictException">when the decision is already under appeal.</exception>
    public async Task<AppealRecord?> ByDecisionAsync(Guid decisionId, AppealInput input, AppealChannel channel, Actor actor, CancellationToken ct)
    {
        var decision = await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        return decision is null ? null : await SubmitAsync(decision, input, channel, actor, ct);
    }

    /// <summary>The platform's own appeal flow names the decision by its puid.</summary>
    public async Task<AppealRecord?> ByPuidAsync(string puid, AppealInput input, Actor actor, CancellationToken ct)
    {
        var decision = await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Puid == puid, ct);
        return decision is null ? null : await SubmitAsync(decision, input, AppealChannel.Platform, actor, ct);
    }

    private async Task<AppealRecord> SubmitAsync(ModerationDecisionRecord decision, AppealInput input, AppealChannel channel, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var (statement, extra, language, contact) = Validate(input);
        var policy = policies.Current.Moderation ?? throw new InvalidOperationException("The policy has no moderation.json: the appeal window is unknown.");
        var now = clock.GetUtcNow();
        if (!AppealRules.IsOpen(decision.ApplicationDate, DateOnly.FromDateTime(now.UtcDateTime), policy))
        {
            throw new WorkflowException($"Appeals against this decision closed on {AppealRules.ClosesOn(decision.ApplicationDate, policy):yyyy-MM-dd}.");
        }

        if (await db.Appeals.AnyAsync(a => a.DecisionId == decision.Id, ct))
        {
            throw new ConflictException("This decision is already under appeal; its outcome will follow.");
        }

        // Art. 23(2): the complaints of someone suspended for manifestly unfounded complaints are received, and not
        // processed. The attempt is ledgered; nothing of it is kept, so the decision stays open to a later appeal.
        if (decision.AccountIndex is { } account && await misuse.SuspendedAsync(MisuseKind.UnfoundedComplaints, MisuseParty.Account, account, now, ct) is { } suspension)
        {
            ledger.Record(new MisuseSubmissionNotProcessed("appeal", decision.Id), actor, suspension.Id.ToString());
            await ledger.SaveAsync(ct);
            throw new WorkflowException(MisuseMail.NotProcessed(language, MisuseKind.UnfoundedComplaints, suspension.Until));
        }

        var (dek, wrapped) = cipher.NewDataKey();
        var appeal = new AppealRecord
        {
            Id = Guid.CreateVersion7(now), DecisionId = decision.Id, Channel = channel, State = AppealState.Open,
            Language = language, SubmittedAt = now, ReviewDue = AppealRules.ReviewDue(now, policy), SubmittedBy = actor.LedgerName, WrappedKey = wrapped,
        };
        appeal.SealedStatement = cipher.Encrypt(dek, statement, Context(appeal.Id, "statement"));
        appeal.SealedNewInformation = extra is null ? null : cipher.Encrypt(dek, extra, Context(appeal.Id, "newInformation"));
        appeal.SealedContact = contact is null ? null : cipher.Encrypt(dek, contact, Context(appeal.Id, "contact"));
        db.Appeals.Add(appeal);
        ledger.Record(new AppealSubmitted(decision.Id, channel, language, extra is not null, Sha256(statement)), actor, appeal.Id.ToString());
        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("This decision is already under appeal; its outcome will follow.");
        }

        return appeal;
    }

    /// <summary>Appeal texts are sealed under the moderation scheme, named by the appeal's id.</summary>
    public static SealingContext Context(Guid appealId, string field) => SealingContext.Moderation(appealId, "appeal." + field);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static (string Statement, string? Extra, string Language, string? Contact) Validate(AppealInput input)
    {
        var errors = new List<FieldError>();
        var statement = (input.Statement ?? "").Trim();
        if (statement.Length is < AppealRules.MinStatement or > AppealRules.MaxStatement)
        {
            errors.Add(new FieldError("statement", $"Say why the decision is wrong ({AppealRules.MinStatement} to {AppealRules.MaxStatement} characters)."));
        }

        var extra = string.IsNullOrWhiteSpace(input.NewInformation) ? null : input.NewInformation.Trim();
        if (extra is { Length: > AppealRules.MaxStatement })
        {
            errors.Add(new FieldError("newInformation", $"At most {AppealRules.MaxStatement} characters."));
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language.Trim();
        if (!Languages.Contains(language))
        {
            errors.Add(new FieldError("language", "One of: " + string.Join(", ", Languages) + "."));
        }

        var contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        if (contact is not null && (contact.Length > MaxContact || !MailAddress.TryCreate(contact, out var parsed) || parsed.Address != contact))
        {
            errors.Add(new FieldError("contact", "An e-mail address, or leave it empty (the outcome can also be read with the code)."));
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (statement, extra, language, contact);
    }
}
