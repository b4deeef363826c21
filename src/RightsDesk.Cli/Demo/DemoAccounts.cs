using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using RightsDesk.Core.Security;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Cli.Demo;

public sealed record DemoAccount(string Email, string Role, string Password, string TotpSecret);

/// <summary>
/// The demo's people: one fully enrolled account per staff role, each with a fresh random password and its own TOTP
/// secret (printed once, and kept in the demo directory's accounts file, readable only by its owner).
/// </summary>
public static class DemoAccounts
{
    public const string Domain = "demo.rightsdesk.example";

    public static readonly (string Name, string Role)[] People =
    [
        ("alice", Roles.LegalReviewer), ("bob", Roles.Approver), ("hana", Roles.HumanRightsLead), ("ines", Roles.Intake),
        ("tomas", Roles.TrustAndSafety), ("ivan", Roles.IncidentResponder), ("audit", Roles.Auditor), ("admin", Roles.Admin),
        // A second human rights lead, so an impact assessment can be signed off by someone other than its reviewer.
        ("noor", Roles.HumanRightsLead),
        // A second trust-and-safety person, so a notifier's complaint is decided by someone other than the notice's decider.
        ("sara", Roles.TrustAndSafety),
        // A researcher outside the desk: reads the researcher tier of the published takedown demands, nothing else.
        ("rosa", Roles.Researcher),
    ];

    public static string Email(string name) => $"{name}@{Domain}";

    public static async Task<List<DemoAccount>> CreateAsync(IServiceProvider sp, CancellationToken ct)
    {
        var accounts = sp.GetRequiredService<AccountService>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var created = new List<DemoAccount>();
        foreach (var (name, role) in People)
        {
            var link = await accounts.CreateStaffAsync(Email(name), role, char.ToUpperInvariant(name[0]) + name[1..], "demo", ct);
            var secret = await accounts.AuthenticatorSecretAsync(link.User);
            var password = NewPassword();
            // Enrolled with the previous step's code (still inside the window), so the code the person's app shows now
            // is unused and signs them in at once: each code works only once.
            var result = await accounts.CompleteEnrolmentAsync(link.User, password, PreviousCode(secret, clock), ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not enrol the demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            created.Add(new DemoAccount(link.User.Email!, role, password, secret));
        }

        return created;
    }

    /// <summary>The current six-digit code for a base32 TOTP secret (RFC 6238, SHA-1, 30 s), as an authenticator app shows it.</summary>
    public static string CurrentCode(string base32Secret) => new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp();

    private static string PreviousCode(string base32Secret, TimeProvider clock) =>
        TotpCodes.Code(TotpCodes.DecodeBase32(base32Secret), TotpCodes.StepAt(clock.GetUtcNow()) - 1);

    private static string NewPassword()
    {
        // Five random words' worth of entropy without a word list: 20 characters from a 32-symbol alphabet.
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', new string(chars).Chunk(5).Select(c => new string(c)));
    }
}
