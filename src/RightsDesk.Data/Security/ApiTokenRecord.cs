namespace RightsDesk.Data.Security;

/// <summary>
/// A machine's or person's API token. The secret is shown once at creation; only its SHA-256 is kept (the secret is
/// 256 random bits, so a fast hash is enough). <see cref="Prefix"/> identifies the token in lists and logs.
/// </summary>
public sealed class ApiTokenRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>Whom the token acts for. Tokens made before the distinction are read as machines: the narrower grant.</summary>
    public Core.Security.TokenKind Kind { get; set; } = Core.Security.TokenKind.Machine;
    /// <summary>The person's account id, for a person's token: it carries at most that person's permissions and
    /// stops when the account is disabled or no longer holds <see cref="Role"/>.</summary>
    public string? PersonId { get; set; }
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
