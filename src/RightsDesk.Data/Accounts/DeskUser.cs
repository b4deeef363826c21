using Microsoft.AspNetCore.Identity;

namespace RightsDesk.Data.Accounts;

/// <summary>Staff on the desk, officials on the authority portal, trusted partners (civil-society organisations) on their own pages.</summary>
public enum AccountKind { Staff, Official, Partner }

/// <summary>
/// A person's account (ASP.NET Core Identity). Every account needs a password and a TOTP second factor before it can
/// be used: an account is created without a password and finished through a one-time enrolment link, so there is no
/// default or temporary password anywhere.
/// </summary>
public sealed class DeskUser : IdentityUser
{
    public AccountKind Kind { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>A disabled account cannot sign in, and its sessions end at their next request.</summary>
    public bool Disabled { get; set; }
    /// <summary>SHA-256 of the one-time enrolment secret; cleared when enrolment completes.</summary>
    public byte[]? EnrolmentHash { get; set; }
    public DateTimeOffset? EnrolmentExpiresAt { get; set; }
    public DateTimeOffset? EnrolledAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>
    /// The TOTP time step (Unix time / 30 s) of the last code accepted from this account, for any purpose: a code of
    /// this step or an earlier one is refused, so each code works once and a step-up needs a newer code than sign-in.
    /// </summary>
    public long? LastTotpStep { get; set; }
}
