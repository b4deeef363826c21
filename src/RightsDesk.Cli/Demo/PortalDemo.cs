using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Data;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Portal;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's portal: one verified official of an authority, enrolled with recovery codes (so signing in with one can
/// be tried), and one whose authenticator staff reset, now waiting for a new call-back, with the reset mail in the
/// demo mailbox. Both register, enrol and are verified through the portal's own services.
/// </summary>
public static class PortalDemo
{
    public const string Password = "demo portal harbour lantern";

    public static async Task<List<string>> SeedAsync(IServiceProvider sp, string url, CancellationToken ct)
    {
        var request = new DefaultHttpContext().Request;
        var uri = new Uri(url.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal));
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Host, uri.Port);

        var lines = new List<string>();
        var (agent, agentSecret, codes) = await EnrolledAsync(sp, request, "dana.whitfield@newark.fbi.gov", "US", "Federal Bureau of Investigation, Newark Field Office", ct);
        await VerifyAsync(sp, agent, ct);
        lines.Add($"dana.whitfield@newark.fbi.gov\tofficial (verified)\t{Password}\t{agentSecret}");
        lines.Add("recovery codes of dana.whitfield@newark.fbi.gov (type one in place of the code):\t" + string.Join("; ", codes));

        var (officer, _, _) = await EnrolledAsync(sp, request, "k.brandt@polizei.bund.de", "DE", "Bundeskriminalamt", ct);
        await VerifyAsync(sp, officer, ct);
        var ines = await sp.GetRequiredService<RightsDeskDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Email("ines"), ct);
        await sp.GetRequiredService<OfficialAuthenticatorResets>().ResetAsync(officer, "The officer phoned the legal desk: the phone with the authenticator was lost.",
            Core.Cases.Actor.Person(ines.Id, ines.Email!), request, ct);
        lines.Add($"k.brandt@polizei.bund.de\tofficial (authenticator reset; the new link is in the demo mailbox)\t-\t-");
        return lines;
    }

    private static async Task<(string UserId, string Secret, IReadOnlyList<string> Codes)> EnrolledAsync(
        IServiceProvider sp, HttpRequest request, string email, string country, string authority, CancellationToken ct)
    {
        await sp.GetRequiredService<OfficialRegistration>().RegisterAsync(
            new RegistrationInput("Demo Official", "Investigator", authority, "lawEnforcement", country, email, "+1 202 555 0100"), request, ct);
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email, ct);
        var accounts = sp.GetRequiredService<AccountService>();
        var secret = await accounts.AuthenticatorSecretAsync(user);
        var clock = sp.GetRequiredService<TimeProvider>();
        var code = TotpCodes.Code(TotpCodes.DecodeBase32(secret), TotpCodes.StepAt(clock.GetUtcNow()) - 1);
        var (result, codes) = await accounts.CompleteEnrolmentWithRecoveryAsync(user, Password, code, ct);
        return result.Succeeded ? (user.Id, secret, codes) : throw new InvalidOperationException("Could not enrol the demo official: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static Task VerifyAsync(IServiceProvider sp, string userId, CancellationToken ct) =>
        sp.GetRequiredService<OfficialReview>().VerifyAsync(userId, new CallBack("The authority's switchboard, from its official website",
            "+1 202 555 0199", "The duty officer", "Confirmed the official works there, in that role, and registered this address.", true), DemoAccounts.Email("ines"), ct);
}
