using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders;

/// <summary>
/// Entries of the earlier registry (one identifier, lower-cased, compared as typed) were moved to people by the
/// migration with their sealed identifier and old index. This opens each such identifier once, reads its kind from
/// its shape and indexes it under the canonical form; until then the old index still matches.
/// </summary>
public sealed class AtRiskReindex(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger)
{
    private static readonly Actor Migration = Actor.System("at-risk-migration");

    /// <summary>The earlier registry's form: trimmed, lower-cased, without a leading @.</summary>
    public static string LegacyForm(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var s = id.Trim().ToLowerInvariant();
        return s.StartsWith('@') ? s[1..] : s;
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var batch = await db.AtRiskIdentifiers.Where(i => i.IndexVersion < AtRiskIdentifierRecord.CurrentIndexVersion).OrderBy(i => i.Id).Take(100).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }

            var personIds = batch.Select(i => i.PersonId).Distinct().ToList();
            var people = await db.AtRiskPeople.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var row in batch)
            {
                var person = people[row.PersonId];
                var value = cipher.Decrypt(cipher.Unwrap(person.WrappedKey), row.SealedValue, SealingContext.AtRisk(row.Id, "identifier"));
                row.Kind = AtRiskIdentifiers.Infer(value);
                row.BlindIndex = cipher.BlindIndex(AtRiskRegistry.Purpose, AtRiskIdentifiers.Canonical(row.Kind, value, person.Country));
                row.IndexVersion = AtRiskIdentifierRecord.CurrentIndexVersion;
                ledger.Record(new AtRiskEntryMigrated(person.Category, row.Kind), Migration, person.Id.ToString());
                done++;
            }

            await ledger.SaveAsync(ct);
        }
    }
}
