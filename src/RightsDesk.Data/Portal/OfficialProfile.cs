using RightsDesk.Core.Demands;

namespace RightsDesk.Data.Portal;

public enum OfficialVerification { Pending, Verified, Rejected, Suspended }

/// <summary>What a requester has been found to do; the assessment weighs it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A flag is what staff put on a requester (forged, abusive): the desk's word, and stored by that name.")]
public enum RequesterFlag { None, Forged, Abusive }

/// <summary>
/// An official who uses the authority portal. Registration alone gives nothing: staff verify the person out of band
/// (a call-back to a number found independently, not one the registrant gave) and record how, before the account can
/// submit. The call-back note can name people, so it is sealed like case data.
/// </summary>
public sealed class OfficialProfile
{
    public string UserId { get; set; } = "";
    public string AuthorityName { get; set; } = "";
    public AuthorityType AuthorityType { get; set; }
    public string Country { get; set; } = "";
    /// <summary>The domain of the official address registered with, e.g. "police.example.gov".</summary>
    public string EmailDomain { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public OfficialVerification Verification { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public RequesterFlag Flag { get; set; }
    public string? FlaggedBy { get; set; }
    public DateTimeOffset? FlaggedAt { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    /// <summary>Sealed: name, title and phone number given at registration.</summary>
    public byte[] SealedContact { get; set; } = [];
    /// <summary>Sealed: how the call-back was made and what it established; the flag's reason.</summary>
    public byte[]? SealedVerificationNote { get; set; }
    public byte[]? SealedFlagReason { get; set; }
}

/// <summary>A question staff put to the requester, and the requester's answer. Both are sealed.</summary>
public sealed class ClarificationRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public string AskedBy { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedQuestion { get; set; } = [];
    public byte[]? SealedAnswer { get; set; }
}

/// <summary>
/// A released fulfilment package offered to the requesting official through a time-limited link. Only the SHA-256 of
/// the link's secret is kept; every download is a ledger event.
/// </summary>
public sealed class PackageReleaseRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public Guid PackageId { get; set; }
    public string OfficialUserId { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public string ReleasedBy { get; set; } = "";
    public DateTimeOffset ReleasedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Downloads { get; set; }
    public DateTimeOffset? LastDownloadAt { get; set; }
}
