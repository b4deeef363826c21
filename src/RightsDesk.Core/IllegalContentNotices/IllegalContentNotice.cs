namespace RightsDesk.Core.IllegalContentNotices;

/// <summary>Who sent a notice: anyone through the public form (Art. 16), a trusted flagger designated by a Digital
/// Services Coordinator (Art. 22, handled first), or the platform's own reporting flow relaying a user's report.</summary>
public enum NoticeSource { Notifier, TrustedFlagger, ReportingFlow }

/// <summary>Where a notice is: waiting for the desk, or decided.</summary>
/// <summary>Where a notice stands. <see cref="NotProcessed"/>: received from a notifier whose Art. 23 suspension was in
/// force, kept and not processed.</summary>
public enum NoticeStatus { Received, Decided, NotProcessed }

/// <summary>What the desk did: a moderation decision was taken on the content (linked by its puid), or no action.</summary>
public enum NoticeOutcome { DecisionTaken, NoAction }

/// <summary>
/// A notice of content the notifier considers illegal (DSA Art. 16(2)): what (1–50 URLs or content ids), why, under
/// which law where the notifier can say, who is notifying (optional; sealed) and the notifier's confirmation that
/// they believe in good faith that what they wrote is accurate and complete.
/// </summary>
public sealed record IllegalContentNotice(
    IReadOnlyList<string> Content,
    string Explanation,
    string? Law,
    string? NotifierName,
    string? NotifierEmail,
    bool GoodFaith,
    string Language)
{
    public bool HasContact => NotifierEmail is not null;
}
