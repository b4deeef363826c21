namespace RightsDesk.Core.Letters;

/// <summary>The response letters the desk sends to an authority.</summary>
public enum LetterKind { Comply, Partial, Clarification, Rejection, Challenge, Preservation, RouteViaMlat, VerificationRequest }

/// <summary>A letter or notice ready to send: <see cref="Language"/> is the language actually used after fallback.</summary>
public sealed record RenderedLetter(string Language, LetterKind Kind, string Subject, string BodyMarkdown);

/// <summary>A user notice ready to send to the affected user.</summary>
public sealed record RenderedNotice(string Language, string Subject, string BodyMarkdown);
