namespace RightsDesk.Core.Letters;

/// <summary>The letters the desk sends to an authority: the answers to a decision, and the acknowledgement of receipt
/// that can go as soon as a demand is taken in.</summary>
public enum LetterKind { Comply, Partial, Clarification, Rejection, Challenge, Preservation, RouteViaMlat, VerificationRequest, Acknowledgement }

/// <summary>A letter or notice ready to send: <see cref="Language"/> is the language actually used after fallback.</summary>
public sealed record RenderedLetter(string Language, LetterKind Kind, string Subject, string BodyMarkdown);

/// <summary>A user notice ready to send to the affected user.</summary>
public sealed record RenderedNotice(string Language, string Subject, string BodyMarkdown);
