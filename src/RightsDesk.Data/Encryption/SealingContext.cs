namespace RightsDesk.Data.Encryption;

/// <summary>What a sealed value belongs to: the kind of record, its id and the field.</summary>
public enum SealedKind
{
    /// <summary>A demand and everything sealed under its data key (documents, decisions, steps, letters, packages).</summary>
    Demand,
    AtRisk,
    Outbox,
    Clarification,
    Official,
    Session,
    Authenticator,
    Moderation,
    /// <summary>An impact assessment's consultation (who took part, precautions, issues, what was reported back).</summary>
    Consultation,
    /// <summary>An incident report from the incident channel, and its messages and attachments.</summary>
    Incident,
    /// <summary>A trusted partner's application: its contact and its own words.</summary>
    PartnerApplication,
    /// <summary>A notice of illegal content (DSA Art. 16): the notice, the notifier's contact, the desk's reason.</summary>
    IllegalContentNotice,
}

/// <summary>
/// The one encryption context for sealed fields: the associated data AES-GCM binds each ciphertext to, so a value
/// copied to another row, field or kind of record does not open. Every seal and open goes through it.
/// </summary>
/// <remarks>
/// New kinds are written <c>{kind}:{id}:{field}</c>. The kinds sealed before this type existed keep the exact text
/// they were sealed under, since changing a byte would make every stored value unreadable: demands, the at-risk
/// registry and the outbox were bare <c>{id:N}:{field}</c> (their ids are random GUIDs under separate data keys, so
/// they cannot be confused); clarifications and officials already had the new form; sessions and the authenticator
/// secret named their table and field first. <c>SealingContextTests</c> pins each.
/// </remarks>
public readonly record struct SealingContext
{
    private SealingContext(SealedKind kind, string id, string field, string text) => (Kind, Id, Field, Text) = (kind, id, field, text);

    public SealedKind Kind { get; }

    public string Id { get; }

    public string Field { get; }

    /// <summary>The bytes (as UTF-8) the ciphertext is bound to.</summary>
    public string Text { get; }

    public static SealingContext Demand(Guid id, string field) => Bare(SealedKind.Demand, id, field);

    public static SealingContext AtRisk(Guid id, string field) => Bare(SealedKind.AtRisk, id, field);

    public static SealingContext Outbox(Guid id) => Bare(SealedKind.Outbox, id, "payload");

    public static SealingContext Clarification(Guid id, string field) => Named(SealedKind.Clarification, "clarifications", id.ToString("N"), field);

    public static SealingContext Official(string userId, string field) => Named(SealedKind.Official, "officials", userId, field);

    public static SealingContext Moderation(Guid id, string field) => Named(SealedKind.Moderation, "moderation", id.ToString("N"), field);
    public static SealingContext Consultation(Guid id, string field) => Named(SealedKind.Consultation, "consultations", id.ToString("N"), field);
    public static SealingContext Incident(Guid id, string field) => Named(SealedKind.Incident, "incidents", id.ToString("N"), field);
    public static SealingContext IllegalContentNotice(Guid id, string field) => Named(SealedKind.IllegalContentNotice, "notices", id.ToString("N"), field);

    public static SealingContext PartnerApplication(Guid id, string field) => Named(SealedKind.PartnerApplication, "partner-applications", id.ToString("N"), field);

    public static SealingContext Session(string sessionId) =>
        new(SealedKind.Session, Checked(sessionId), "ticket", "sessions.ticket:" + sessionId);

    public static SealingContext Authenticator(string userId) =>
        new(SealedKind.Authenticator, Checked(userId), "AuthenticatorKey", "AspNetUserTokens.AuthenticatorKey:" + userId);

    public override string ToString() => Text;

    private static SealingContext Bare(SealedKind kind, Guid id, string field) =>
        new(kind, id.ToString("N"), Checked(field), $"{id:N}:{field}");

    private static SealingContext Named(SealedKind kind, string prefix, string id, string field) =>
        new(kind, Checked(id), Checked(field), $"{prefix}:{id}:{field}");

    private static string Checked(string part)
    {
        ArgumentException.ThrowIfNullOrEmpty(part);
        return part;
    }
}
