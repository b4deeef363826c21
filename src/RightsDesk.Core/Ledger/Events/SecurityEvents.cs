namespace RightsDesk.Core.Ledger.Events;

/// <param name="Name">The token's label, chosen by staff to say which system holds it.</param>
/// <param name="Kind">Whom it acts for ("person" or "machine"); absent on events stored before tokens had kinds.</param>
public sealed record ApiTokenCreated(string Name, string Role, string Prefix, string? Kind = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ApiTokenCreated;

    public void Write(LedgerFields fields) => fields.Add("name", Name).Add("role", Role).Add("prefix", Prefix).AddIfKnown("kind", Kind);
}

public sealed record ApiTokenRevoked(string Prefix) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ApiTokenRevoked;

    public void Write(LedgerFields fields) => fields.Add("prefix", Prefix);
}

/// <summary>`keys rotate`: a new KEK is current and the data keys were re-wrapped under it.</summary>
/// <param name="Previous">The older KEKs still in the key file.</param>
public sealed record KeysRotated(string Current, IReadOnlyList<string> Previous, long Rewrapped, long Unreadable) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.KeysRotated;

    public void Write(LedgerFields fields) => fields.Add("step", "rotate").Add("current", Current).Add("previous", string.Join(",", Previous))
        .Add("rewrapped", Rewrapped).Add("unreadable", Unreadable);
}

/// <summary>`keys rotate --retire`: the older KEKs left the key file. The second step of a rotation, so it shares
/// <see cref="LedgerEventCode.KeysRotated"/> and tells itself apart by its step.</summary>
public sealed record KeysRetired(string Current, IReadOnlyList<string> Retired) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.KeysRotated;

    public void Write(LedgerFields fields) => fields.Add("step", "retire").Add("current", Current).Add("retired", string.Join(",", Retired));
}

public sealed record AccountCreated(string Role) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AccountCreated;

    public void Write(LedgerFields fields) => fields.Add("role", Role).Add("kind", "staff");
}

public sealed record AccountEnrolled : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AccountEnrolled;

    public void Write(LedgerFields fields)
    {
    }
}

/// <param name="From">The roles held before, comma-separated.</param>
public sealed record AccountRoleChanged(IReadOnlyList<string> From, string To) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AccountRoleChanged;

    public void Write(LedgerFields fields) => fields.Add("from", string.Join(",", From)).Add("to", To);
}

/// <summary>An account can no longer sign in. Suspending an official also names the portal standing it moved between
/// (both written only then, as before).</summary>
public sealed record AccountDisabled(string? Portal = null, string? From = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AccountDisabled;

    public void Write(LedgerFields fields) => fields.AddIfKnown("portal", Portal).AddIfKnown("from", From);
}

public sealed record AccountEnabled : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AccountEnabled;

    public void Write(LedgerFields fields)
    {
    }
}

/// <param name="Via">"portalRegistration" when an official's registering again restarted it; absent when staff did.</param>
public sealed record EnrolmentReset(string? Via = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.EnrolmentReset;

    public void Write(LedgerFields fields) => fields.AddIfKnown("via", Via);
}

public sealed record SignedIn : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.SignedIn;

    public void Write(LedgerFields fields)
    {
    }
}

public sealed record SignInLockedOut : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.SignInLockedOut;

    public void Write(LedgerFields fields)
    {
    }
}

public sealed record StepUpVerified(string Purpose) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.StepUpVerified;

    public void Write(LedgerFields fields) => fields.Add("purpose", Purpose);
}

/// <param name="EmailDomain">The official address's domain only: which authority's mail system, not whose mailbox.</param>
public sealed record OfficialRegistered(string Country, Demands.AuthorityType AuthorityType, string EmailDomain) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialRegistered;

    public void Write(LedgerFields fields) => fields.Add("country", Country).Add("authorityType", AuthorityType).Add("emailDomain", EmailDomain);
}

public sealed record OfficialVerified(string Country, bool Reinstated) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialVerified;

    public void Write(LedgerFields fields) => fields.Add("method", "callBack").Add("country", Country).Add("reinstated", Reinstated);
}

/// <param name="Portal">The portal standing it moved to; <paramref name="From"/> the one it left.</param>
public sealed record OfficialRejected(string Portal, string From) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialRejected;

    public void Write(LedgerFields fields) => fields.Add("portal", Portal).Add("from", From);
}

/// <param name="Flag">The flag set (none, forged, abusive); <paramref name="Previous"/> the one before.</param>
public sealed record OfficialFlagged(string Flag, string Previous) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialFlagged;

    public void Write(LedgerFields fields) => fields.Add("flag", Flag).Add("previous", Previous);
}

/// <summary>A policy file was changed (subject: the file's name).</summary>
public sealed record PolicyChanged(string Sha256, string PolicyVersion) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PolicyChanged;

    public void Write(LedgerFields fields) => fields.Add("sha256", Sha256).Add("policyVersion", PolicyVersion);
}
