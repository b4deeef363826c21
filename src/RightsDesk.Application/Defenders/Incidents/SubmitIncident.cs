using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core;
using RightsDesk.Core.Common;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders.Incidents;

/// <summary>What the reporter gets back: the receipt, shown once and never stored, and the reference staff use.</summary>
public sealed record IncidentSubmitted(Guid Id, string Reference, string Receipt, string Severity);

/// <summary>The sealed part of a report: everything the reporter wrote, with accounts and content canonicalised.</summary>
internal sealed record SealedReport(string Description, IReadOnlyList<string> Accounts, IReadOnlyList<string> Content, string? ContactAddress);

/// <summary>
/// Takes a report from the public incident channel: matches its accounts against the at-risk registry, triages it
/// (<see cref="IncidentTriage"/>), seals what the reporter wrote, issues the receipt code and starts the
/// acknowledgement clock of its severity. Nothing about the reporter's connection is taken in: the command has no
/// parameter that could carry it.
/// </summary>
public sealed class SubmitIncident(
    RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, AtRiskRegistry registry, SecretCodes.SecretCodes codes,
    Deadlines.Deadlines deadlines, PolicyProvider policy, TimeProvider clock)
{
    public const string ReceiptPurpose = "incident";
    public const string Channel = "incident-channel";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The deadline step of an incident's acknowledgement; its ladder follows the severity.</summary>
    public static string AcknowledgeStep(string severity) => "acknowledge:" + severity;

    public Task<IncidentSubmitted> RunAsync(IncidentReport report, CancellationToken ct) => RunAsync(report, null, false, ct);

    /// <param name="attachment">A file already stripped of its metadata (<see cref="AttachmentStripper"/>).</param>
    /// <param name="keepOriginal">The reporter agreed to the original being kept, sealed, as evidence.</param>
    public Task<IncidentSubmitted> RunAsync(IncidentReport report, StrippedAttachment? attachment, bool keepOriginal, CancellationToken ct) =>
        RunAsync(report, attachment, keepOriginal, null, Actor.System(Channel), ct);

    /// <summary>A trusted partner's flag: an incident like any other, marked as the partner's (first in the queue), and
    /// recorded as the partner's person's act. Its receipt is not shown: the partner follows it on its own pages.</summary>
    public Task<IncidentSubmitted> RunForPartnerAsync(IncidentReport report, Guid partnerId, Actor by, CancellationToken ct) =>
        RunAsync(report, null, false, partnerId, by, ct);

    private async Task<IncidentSubmitted> RunAsync(IncidentReport report, StrippedAttachment? attachment, bool keepOriginal, Guid? partnerId, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var set = policy.Current;
        var levels = set.Defenders ?? throw new WorkflowException("The policy has no defenders.json, so no incident can be triaged.");
        var accounts = report.Accounts.Select(a => Identifiers.Canonical(TargetType.Account, a, report.Country)).Distinct(StringComparer.Ordinal).ToList();
        var content = report.Content.Select(c => Identifiers.Canonical(TargetType.Url, c, report.Country)).Distinct(StringComparer.Ordinal).ToList();
        var matches = await registry.MatchAsync(report.Accounts.Select(a => new Target(TargetType.Account, a)).ToList(), report.Country, ct);
        var triage = IncidentTriage.Triage(report, matches.Count > 0, levels.RestoreRequests, partnerId is null ? null : levels.PartnerFlagSeverity ?? "S2");
        var level = levels.Level(triage.Severity);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var receipt = await codes.IssueAsync(ReceiptPurpose);
        var (key, wrapped) = cipher.NewDataKey();
        var sealedJson = JsonSerializer.Serialize(new SealedReport(report.Description, accounts, content, report.ContactAddress), Json);
        var types = string.Join(",", report.Types.Select(t => JsonNames.Of(t)));
        var record = new IncidentRecord
        {
            Id = id,
            Reference = await NewReferenceAsync(ct),
            ReceiptLookup = receipt.Stored.LookupKey,
            ReceiptSalt = receipt.Stored.Salt,
            ReceiptHash = receipt.Stored.Hash,
            Types = types,
            Urgency = report.Urgency,
            PhysicalDanger = report.PhysicalDanger,
            Contact = report.Contact,
            RegistryRequested = report.RegistryRequest,
            NamesAtRiskPerson = matches.Count > 0,
            PartnerId = partnerId,
            Severity = triage.Severity,
            PolicyVersion = set.Version,
            Status = IncidentStatus.Received,
            Country = report.Country,
            Language = report.Language,
            ReceivedAt = now,
            UpdatedAt = now,
            Version = Guid.CreateVersion7(now),
            WrappedKey = wrapped,
            SealedReport = cipher.Encrypt(key, sealedJson, SealingContext.Incident(id, "report")),
        };
        db.Incidents.Add(record);
        await deadlines.SetAsync(CaseKind.Incident, id, AcknowledgeStep(level.Id), now.AddMinutes(level.AcknowledgeWithinMinutes), null, ct);
        ledger.Record(new IncidentReceived(types, triage.Severity, report.Urgency, report.PhysicalDanger, matches.Count > 0, report.RegistryRequest,
            accounts.Count, content.Count, report.Language, set.Version, Sha256(sealedJson)), by, id.ToString());
        if (attachment is not null)
        {
            AddAttachment(record, key, attachment, keepOriginal, now);
        }

        if (report.RegistryRequest && report.RegistryAccounts.Count > 0)
        {
            record.RegistryEntryId = (await registry.AddProposalAsync(SelfRequest(report, now), Actor.System(Channel), ct)).Id;
        }

        CryptographicOperations.ZeroMemory(key);
        await ledger.SaveAsync(ct);
        return new IncidentSubmitted(id, record.Reference, receipt.Code, triage.Severity);
    }

    private void AddAttachment(IncidentRecord record, byte[] key, StrippedAttachment file, bool keepOriginal, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var field = "attachment:" + id.ToString("N");
        var clean = new IncidentAttachmentRecord
        {
            Id = id, IncidentId = record.Id, ContentType = file.ContentType, Bytes = file.Clean.Length, At = now,
            CleanSha256 = Convert.ToHexStringLower(SHA256.HashData(file.Clean)),
            SealedClean = cipher.EncryptBytes(key, file.Clean, SealingContext.Incident(record.Id, field + ":clean")),
        };
        if (keepOriginal)
        {
            clean.OriginalSha256 = Convert.ToHexStringLower(SHA256.HashData(file.Original));
            clean.SealedOriginal = cipher.EncryptBytes(key, file.Original, SealingContext.Incident(record.Id, field + ":original"));
        }

        db.IncidentAttachments.Add(clean);
        ledger.Record(new IncidentAttachmentStored(id, clean.Bytes, clean.CleanSha256, keepOriginal), Actor.System(Channel), record.Id.ToString());
    }

    /// <summary>The entry the reporter asked for: their own accounts, their consent on the day they sent it, seen by
    /// the lead and the responders, who approve it (a second pair of eyes after the person's own).</summary>
    private static AtRiskEntry SelfRequest(IncidentReport report, DateTimeOffset now) => new(
        report.RegistryAccounts.Select(a => new AtRiskIdentifier(AtRiskIdentifiers.Infer(a), a)).ToList(), "humanRightsDefender",
        AtRiskSource.SelfRequest, Consent: true, DateOnly.FromDateTime(now.UtcDateTime), ReviewOn: null, AtRiskVisibility.LeadAndResponders,
        report.Country, Note: null);

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<string> NewReferenceAsync(CancellationToken ct)
    {
        // Crockford's alphabet: no I, L, O or U, so a reference read out on the phone is not misheard.
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        while (true)
        {
            var reference = "INC-" + string.Concat(Enumerable.Range(0, 6).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
            if (!db.Incidents.Local.Any(i => i.Reference == reference) && !await db.Incidents.AnyAsync(i => i.Reference == reference, ct))
            {
                return reference;
            }
        }
    }
}
