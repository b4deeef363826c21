namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>Art. 9 (act against illegal content) or Art. 10 (provide information).</summary>
public enum DsaOrderKind { ActAgainstContent, ProvideInformation }

/// <summary>One order from a Member State's authority as the orders sheet counts it: de-identified, with the
/// template's category and keyword, the items it named, the hours from receipt until the authority was told of its
/// receipt (the acknowledgement that went) and until it was given effect.</summary>
public sealed record DsaOrder(string MemberState, DsaOrderKind Kind, string Category, string? Keyword, int Items, double? HoursToGiveEffect, double? HoursToInform = null);

/// <summary>One action taken on a notice (a moderation decision whose source is an Art. 16 notice or a trusted
/// flagger), by category and keyword, and whether it rested on the law or on the terms and conditions.</summary>
public sealed record DsaNoticeAction(string Category, string? Keyword, bool TrustedFlagger, bool OnTheLaw);

/// <summary>One moderation decision as sheets 5, 6 and 8 count it: the template's category and keyword (the first
/// the statement names), whether it rested on the law, where it came from (the Transparency Database's source type),
/// whether detection and the decision were automated, and each restriction it imposed in the database's values.</summary>
public sealed record DsaMeasure(
    string Category, string? Keyword, bool OnTheLaw, string Source, bool DetectedAutomatically, bool DecidedAutomatically,
    IReadOnlyList<string> Visibility, string? Monetary, string? Provision, string? Account)
{
    public const string Voluntary = "SOURCE_VOLUNTARY";
    public const string TrustedFlagger = "SOURCE_TRUSTED_FLAGGER";
    public const string Article16 = "SOURCE_ARTICLE_16";

    public bool OwnInitiative => Source == Voluntary;

    public bool OnNotice => Source is Article16 or TrustedFlagger;
}

/// <summary>How a complaint (an Art. 20 appeal) ended, in the template's words; Pending when it was not decided by
/// the end of the period (the template's "Decision omitted").</summary>
public enum DsaComplaintOutcome { Upheld, PartiallyReversed, Reversed, Pending }

/// <summary>One complaint submitted in the period, with the decision it is about (what kinds of restriction that
/// imposed) and the hours from submission to the reviewer's decision.</summary>
public sealed record DsaComplaint(DsaMeasure Decision, DsaComplaintOutcome Outcome, double? Hours);

/// <summary>One Art. 16 notice as a notice store records it: category and keyword, whether a trusted flagger sent
/// it, the items it named, the hours until action was taken (null when none was), and whether it was processed by
/// automated means alone.</summary>
public sealed record DsaNotice(string Category, string? Keyword, bool TrustedFlagger, int Items, double? HoursToAction, bool ProcessedAutomatically);

/// <summary>One out-of-court dispute referred in the period (DSA Art. 21): the body's outcome as of the period's end
/// (upheld, partiallyReversed, reversed; withdrawn, declined or pending when the body gave no decision on the merits)
/// and, for a decision, the hours from referral to it.</summary>
public sealed record DsaDispute(string Outcome, double? Hours);

/// <summary>Suspensions under DSA Art. 23 proposed in the year and confirmed by a second person (applied, whether or
/// not lifted early since): of accounts for manifestly illegal content, of notifiers for manifestly unfounded notices,
/// of complainants for manifestly unfounded complaints.</summary>
public sealed record DsaArt23(int IllegalContent, int UnfoundedNotices, int UnfoundedComplaints);
