using System.Security.Cryptography;
using System.Text.Json;
using RightsDesk.Core.Cases;
using RightsDesk.Core;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Partners;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Partners;

namespace RightsDesk.Application.Partners;

/// <summary>The sealed part of an application: who to reach and what the organisation says about itself.</summary>
public sealed record SealedApplication(string ContactName, string ContactEmail, string? Website, string About);

/// <summary>
/// Takes an application from the public page. Nothing about the applicant's connection is taken in, and the answer
/// is the same for every application: the desk writes to the contact address once two people have vetted it.
/// </summary>
public sealed class ApplyAsPartner(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const string Channel = "partner-application";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> RunAsync(PartnerApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var (key, wrapped) = cipher.NewDataKey();
        var sealedJson = JsonSerializer.Serialize(
            new SealedApplication(application.ContactName, application.ContactEmail, application.Website, application.About), Json);
        var expertise = string.Join(",", application.Expertise.Select(e => JsonNames.Of(e)));
        var countries = string.Join(",", application.Countries);
        db.PartnerApplications.Add(new PartnerApplicationRecord
        {
            Id = id, Organisation = application.Organisation, Expertise = expertise, Countries = countries, Language = application.Language,
            Status = PartnerApplicationStatus.Received, ReceivedAt = now, Version = Guid.CreateVersion7(now), WrappedKey = wrapped,
            SealedApplication = cipher.Encrypt(key, sealedJson, SealingContext.PartnerApplication(id, "application")),
        });
        CryptographicOperations.ZeroMemory(key);
        ledger.Record(new PartnerApplied(expertise, countries, application.Language, Defenders.Incidents.SubmitIncident.Sha256(sealedJson)),
            Actor.System(Channel), id.ToString());
        await ledger.SaveAsync(ct);
        return id;
    }
}
