using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Application.Partners;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Partners;
using RightsDesk.Data;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Partners;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's trusted partners, through the same commands as the public page, the desk and the partner's pages: an
/// approved partner who signs in (vetted by the incident responder, approved by the human rights lead), an
/// application waiting for vetting and one waiting for its second person, and the partner's flags in every state
/// (waiting, taken, upheld with a reply, declined), so its accuracy reads on the desk.
/// </summary>
public static class PartnersDemo
{
    public const string Email = "flags@digitaldefenders.example";
    public const string Password = "demo partner compass meadow";

    public static async Task<List<string>> SeedAsync(IServiceProvider sp, string url, CancellationToken ct)
    {
        var responder = await StaffAsync(sp, "ivan", ct);
        var lead = await StaffAsync(sp, "hana", ct);
        var request = new DefaultHttpContext().Request;
        var uri = new Uri(url.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal));
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Host, uri.Port);
        var apply = sp.GetRequiredService<ApplyAsPartner>();
        var applications = sp.GetRequiredService<PartnerApplications>();

        var id = await apply.RunAsync(Application("Digital Defenders Network", [ExpertiseArea.HumanRightsDefenders, ExpertiseArea.DigitalSecurity], ["TN", "EG", "TR"], Email), ct);
        await applications.VetAsync(id, "Called two helplines that work with them; mandate and funding checked on their website.", responder, ct);
        var partnerId = await sp.GetRequiredService<PartnerOnboarding>().ApproveAsync(id, "Independent of governments and of us; approved.", lead, request, ct)
            ?? throw new InvalidOperationException("The demo partner's application was not found.");
        var secret = await EnrolAsync(sp, ct);

        var waiting = await apply.RunAsync(Application("Observatorio de Libertad de Prensa", [ExpertiseArea.Journalists], ["MX", "GT"], "contacto@olp.example"), ct);
        var vetted = await apply.RunAsync(Application("Queer Digital Safety Collective", [ExpertiseArea.LgbtiRights, ExpertiseArea.GenderBasedViolence], ["KE", "UG"], "hello@qdsc.example"), ct);
        await applications.VetAsync(vetted, "References from two member organisations of a regional network.", responder, ct);
        _ = waiting;

        await FlagsAsync(sp, partnerId, responder, ct);
        return [$"{Email}\ttrusted partner (Digital Defenders Network)\t{Password}\t{secret}"];
    }

    private static async Task<Actor> StaffAsync(IServiceProvider sp, string name, CancellationToken ct)
    {
        var user = await sp.GetRequiredService<RightsDeskDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Email(name), ct);
        return Actor.Person(user.Id, user.Email!);
    }

    private static PartnerApplication Application(string organisation, IReadOnlyList<ExpertiseArea> areas, IReadOnlyList<string> countries, string email) =>
        new(organisation, areas, countries, "Demo Contact", email, null,
            "We support human rights defenders and journalists under attack online; our helpline answers within a day.", "en");

    private static async Task<string> EnrolAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == Email, ct);
        var accounts = sp.GetRequiredService<AccountService>();
        var secret = await accounts.AuthenticatorSecretAsync(user);
        var clock = sp.GetRequiredService<TimeProvider>();
        var code = TotpCodes.Code(TotpCodes.DecodeBase32(secret), TotpCodes.StepAt(clock.GetUtcNow()) - 1);
        var result = await accounts.CompleteEnrolmentAsync(user, Password, code, ct);
        return result.Succeeded ? secret : throw new InvalidOperationException("Could not enrol the demo partner: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static async Task FlagsAsync(IServiceProvider sp, Guid partnerId, Actor responder, CancellationToken ct)
    {
        var flags = sp.GetRequiredService<PartnerFlags>();
        var desk = sp.GetRequiredService<IncidentDesk>();
        var partner = await sp.GetRequiredService<RightsDeskDbContext>().Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId, ct);
        var user = await sp.GetRequiredService<RightsDeskDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == partner.UserId, ct);
        var by = Actor.Person(user.Id, user.UserName!);

        async Task<Guid> Flag(IncidentType[] types, string text, string account, IncidentUrgency urgency) =>
            (await flags.FlagAsync(partner, PartnerFlagReader.Read([.. types.Select(t => Core.JsonNames.Of(t))], text, [account], [], Core.JsonNames.Of(urgency), false, "TN"), by, "page", ct)).Id;

        var upheld = await Flag([IncidentType.Impersonation], "An account impersonates a journalist we support and asks her sources for their phone numbers.", "@fake_sana@social.example", IncidentUrgency.Today);
        await desk.AcknowledgeAsync(upheld, responder, ct);
        await desk.ReplyAsync(upheld, null, "We removed the impersonating account and the posts it made. Thank you for the precise flag.", responder, ct);
        await desk.ResolveAsync(upheld, "contentRemoved", responder, ct);

        var declined = await Flag([IncidentType.SmearCampaign], "Posts calling our partner a foreign agent.", "@commentator@social.example", IncidentUrgency.ThisWeek);
        await desk.AcknowledgeAsync(declined, responder, ct);
        await desk.ReplyAsync(declined, null, "The posts criticise a public figure without threats or false claims of fact; they stay up under our rules.", responder, ct);
        await desk.ResolveAsync(declined, "declined", responder, ct);

        var taken = await Flag([IncidentType.AccountCompromise], "A defender's account was taken over last night and posts in her name.", "@amal_rights@social.example", IncidentUrgency.Today);
        await desk.AcknowledgeAsync(taken, responder, ct);

        await Flag([IncidentType.Threats, IncidentType.Doxxing], "Her home address was posted with a call to visit her tonight.", "@anon88@social.example", IncidentUrgency.Today);
    }
}
