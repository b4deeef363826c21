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
