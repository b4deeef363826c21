using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Core.Ledger.Events;

// Notices of illegal content (DSA Art. 16) carry their shape for the Art. 15 figures: the source, counts, the
// language, the outcome, the days taken. Never the content named, the explanation, the law cited or who notified:
// texts appear as SHA-256 only.

/// <summary>A notice arrived: from the public form, a trusted flagger (by its registry entry) or the platform's flow.</summary>
public sealed record IllegalContentNoticeReceived(
    NoticeSource Source, int Items, int Accounts, bool Contact, string Language, Guid? Flagger, string NoticeSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IllegalContentNoticeReceived;

    public void Write(LedgerFields fields) => fields.Add("source", Source).Add("items", Items).Add("accounts", Accounts)
        .Add("contact", Contact).Add("language", Language).Add("flagger", Flagger?.ToString()).Add("noticeSha256", NoticeSha256);
}

/// <summary>The desk decided a notice: a moderation decision taken (by its id) or no action, with the reason's hash,
/// and how many days after receipt (Art. 16(6): decided in a timely manner).</summary>
public sealed record IllegalContentNoticeDecided(NoticeSource Source, NoticeOutcome Outcome, Guid? Decision, string? ReasonSha256, int Days, bool Told) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IllegalContentNoticeDecided;

    public void Write(LedgerFields fields) => fields.Add("source", Source).Add("outcome", Outcome).Add("decision", Decision?.ToString())
        .Add("reasonSha256", ReasonSha256).Add("days", Days).Add("told", Told);
}

/// <summary>Staff opened a notice's sealed texts; <paramref name="Contact"/>: the notifier's name and address among them.</summary>
public sealed record IllegalContentNoticeRead(bool Contact) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IllegalContentNoticeRead;

    public void Write(LedgerFields fields) => fields.Add("contact", Contact);
}

/// <summary>Notices against one content item or account crossed the campaign threshold within the window; every
/// notice of the cluster is flagged. The target is never named; <paramref name="Threshold"/> is the bar that applied.</summary>
public sealed record NoticeCampaignFlagged(string TargetKind, int Notices, int Threshold, int WindowHours) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeCampaignFlagged;

    public void Write(LedgerFields fields) => fields.Add("target", TargetKind).Add("notices", Notices).Add("threshold", Threshold).Add("windowHours", WindowHours);
}

/// <summary>An organisation was entered in the registry of trusted flaggers, designated by the Digital Services
/// Coordinator of <paramref name="Country"/> (Art. 22(2)), and given a machine token (<paramref name="TokenPrefix"/>).</summary>
public sealed record TrustedFlaggerDesignated(string Country, string TokenPrefix, string OrganisationSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TrustedFlaggerDesignated;

    public void Write(LedgerFields fields) => fields.Add("country", Country).Add("tokenPrefix", TokenPrefix).Add("organisationSha256", OrganisationSha256);
}

/// <summary>The designation ended (the coordinator revoked it, Art. 22(6)): the token prefix that stops working and
/// the reason's hash; the entry stays for the record.</summary>
public sealed record TrustedFlaggerRevoked(string TokenPrefix, string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TrustedFlaggerRevoked;

    public void Write(LedgerFields fields) => fields.Add("tokenPrefix", TokenPrefix).Add("reasonSha256", ReasonSha256);
}
