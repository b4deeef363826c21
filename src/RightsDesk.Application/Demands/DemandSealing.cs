using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Demands;

/// <summary>
/// Opens and seals a demand's fields. Everything of one case is sealed under the case's data key; the encryption
/// context binds each ciphertext to its record and field, so a sealed value moved to another row does not open.
/// </summary>
public sealed class DemandSealing(FieldCipher cipher)
{
    public static SealingContext Context(Guid id, string field) => SealingContext.Demand(id, field);

    public (byte[] Dek, byte[] Wrapped) NewDataKey() => cipher.NewDataKey();

    public byte[] Key(DemandRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return cipher.Unwrap(record.WrappedKey);
    }

    public byte[] Seal(byte[] dek, Guid id, string field, string text) => cipher.Encrypt(dek, text, Context(id, field));

    public byte[] SealJson<T>(byte[] dek, Guid id, string field, T value) => Seal(dek, id, field, JsonSerializer.Serialize(value, JsonNames.Options));

    public byte[] SealBytes(byte[] dek, Guid id, string field, byte[] content) => cipher.EncryptBytes(dek, content, Context(id, field));

    public string Open(byte[] dek, Guid id, string field, byte[] sealedText) => cipher.Decrypt(dek, sealedText, Context(id, field));

    public T OpenJson<T>(byte[] dek, Guid id, string field, byte[] sealedText) =>
        JsonSerializer.Deserialize<T>(Open(dek, id, field, sealedText), JsonNames.Options)
        ?? throw new InvalidOperationException($"The sealed {field} of {id:N} is empty.");

    public byte[] OpenBytes(byte[] dek, Guid id, string field, byte[] sealedContent) => cipher.DecryptBytes(dek, sealedContent, Context(id, field));

    public byte[] UnwrapKey(byte[] wrapped) => cipher.Unwrap(wrapped);

    /// <summary>The purpose the target search index is keyed under (the at-risk registry has its own).</summary>
    public const string TargetIndexPurpose = "demand-target";

    /// <summary>The keyed index of one canonical target identifier (<see cref="Core.Common.Identifiers"/>).</summary>
    public string TargetIndex(string canonical) => cipher.BlindIndex(TargetIndexPurpose, canonical);

    /// <summary>Index row positions for the officer who signed the demand (targets count from 0).</summary>
    public const int OfficerNameRow = -1, OfficerEmailRow = -2;

    /// <summary>The index rows of a demand: one per target, and the officer's name and e-mail when given.</summary>
    public IEnumerable<DemandTargetIndex> TargetIndexRows(Guid demandId, Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var rows = demand.Targets.Select((t, i) => (i, Core.Common.Identifiers.Canonical(t.Type, t.Id, (t.Country ?? demand.Authority.Country).Value))).ToList();
        if (!string.IsNullOrWhiteSpace(demand.Authority.Officer))
        {
            rows.Add((OfficerNameRow, Core.Common.Identifiers.Canonical(TargetType.Keyword, demand.Authority.Officer)));
        }

        if (!string.IsNullOrWhiteSpace(demand.Authority.Email))
        {
            rows.Add((OfficerEmailRow, Core.Common.Identifiers.Canonical(TargetType.Email, demand.Authority.Email)));
        }

        return rows.Select(r => new DemandTargetIndex { DemandId = demandId, TargetIndex = r.Item1, BlindIndex = TargetIndex(r.Item2) });
    }

    public Demand Demand(DemandRecord record) => OpenJson<Demand>(Key(record), record.Id, "demand", record.SealedDemand);

    public AssessmentResult? Assessment(DemandRecord record) => record.SealedAssessment is null
        ? null
        : OpenJson<AssessmentResult>(Key(record), record.Id, "assessment", record.SealedAssessment);

    public Decision Decision(DemandRecord record, DecisionRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var decision = OpenJson<Decision>(Key(record), row.Id, "decision", row.SealedDecision);
        // Decisions sealed before actors had ids carry the name only; the column says who when the JSON does not.
        return decision.DecidedById is null && row.DecidedById is not null ? decision with { DecidedById = row.DecidedById } : decision;
    }

    public string? StepNote(DemandRecord record, DemandStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.SealedNote is null ? null : Open(Key(record), record.Id, "step:" + step.At.UtcTicks, step.SealedNote);
    }
}
