namespace RightsDesk.Data.Accounts;

/// <summary>
/// A signed-in session, kept server-side so that signing out ends it for every copy of the cookie and every app node
/// sees the same sessions. The cookie carries only a random key; the row is found by the key's SHA-256, so a copy of
/// the database holds no usable session key. The ticket (claims: account id, e-mail, roles, security stamp) is
/// sealed under its own data key like case data, and re-wrapped by `keys rotate` with the other tables.
/// </summary>
public sealed class SessionRecord
{
    /// <summary>Lower-case hex SHA-256 of the key the cookie carries.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the session ends unless renewed by activity (the idle limit, capped by the absolute limit).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedTicket { get; set; } = [];
}
