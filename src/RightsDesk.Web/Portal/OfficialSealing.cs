using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Portal;

namespace RightsDesk.Web.Portal;

/// <summary>What an official gave at registration to be reached by: personal data, so sealed with the profile.</summary>
public sealed record OfficialContact(string Name, string Title, string Phone);

/// <summary>
/// One entry of an official's verification or flag record: who did what when and, in their words, how and why.
/// The record is append-only in practice (each change adds an entry) so a later rejection does not erase the call-back.
/// </summary>
public sealed record OfficialRecordEntry(
    DateTimeOffset At,
    string By,
    string Action,
    string? NumberSource = null,
    string? NumberCalled = null,
    string? WhoAnswered = null,
    string? Confirmed = null,
    string? Reason = null);

/// <summary>Seals and opens an official profile's fields, each bound to its row and column.</summary>
public static class OfficialSealing
{
    /// <summary>Older entries beyond this are dropped from the sealed record; the ledger keeps every event.</summary>
    public const int MaxEntries = 100;

    public static SealingContext Context(string userId, string field) => SealingContext.Official(userId, field);

    public static byte[] SealContact(FieldCipher cipher, byte[] dek, string userId, OfficialContact contact) =>
        cipher.Encrypt(dek, JsonSerializer.Serialize(contact, JsonNames.Options), Context(userId, "contact"));

    public static OfficialContact OpenContact(FieldCipher cipher, OfficialProfile p) =>
        JsonSerializer.Deserialize<OfficialContact>(cipher.Decrypt(cipher.Unwrap(p.WrappedKey), p.SealedContact, Context(p.UserId, "contact")), JsonNames.Options)!;

    public static IReadOnlyList<OfficialRecordEntry> OpenVerification(FieldCipher cipher, OfficialProfile p) => OpenEntries(cipher, p, p.SealedVerificationNote, "verificationNote");

    public static IReadOnlyList<OfficialRecordEntry> OpenFlags(FieldCipher cipher, OfficialProfile p) => OpenEntries(cipher, p, p.SealedFlagReason, "flagReason");

    public static void AppendVerification(FieldCipher cipher, OfficialProfile p, OfficialRecordEntry entry) =>
        p.SealedVerificationNote = Append(cipher, p, OpenVerification(cipher, p), entry, "verificationNote");

    public static void AppendFlag(FieldCipher cipher, OfficialProfile p, OfficialRecordEntry entry) =>
        p.SealedFlagReason = Append(cipher, p, OpenFlags(cipher, p), entry, "flagReason");

    private static List<OfficialRecordEntry> OpenEntries(FieldCipher cipher, OfficialProfile p, byte[]? sealedValue, string field) =>
        sealedValue is null
            ? []
            : JsonSerializer.Deserialize<List<OfficialRecordEntry>>(cipher.Decrypt(cipher.Unwrap(p.WrappedKey), sealedValue, Context(p.UserId, field)), JsonNames.Options)!;

    private static byte[] Append(FieldCipher cipher, OfficialProfile p, IReadOnlyList<OfficialRecordEntry> existing, OfficialRecordEntry entry, string field)
    {
        var all = existing.Append(entry).TakeLast(MaxEntries).ToList();
        return cipher.Encrypt(cipher.Unwrap(p.WrappedKey), JsonSerializer.Serialize(all, JsonNames.Options), Context(p.UserId, field));
    }
}
