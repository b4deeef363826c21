using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Partners;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Partners;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Partners;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Partners;

/// <summary>A partner as the tests know it: its person (signs in like anyone, password and authenticator), its id.</summary>
public sealed record TestPartner(Person Person, string UserId, Guid PartnerId, string Organisation);

/// <summary>Steps the partner tests share: applying, vetting by two people, the e-mailed invitation, a token.</summary>
public static class PartnerSupport
{
    public static string NewEmail() => $"p{Guid.NewGuid():N}"[..12] + "@csodefenders.example";

    public static KeyValuePair<string, string>[] ApplicationForm(string organisation, string email) =>
    [
        new("organisation", organisation), new("expertise", "humanRightsDefenders"), new("expertise", "digitalSecurity"),
        new("countries", "TN, DZ"), new("contactName", "Leila Mansour"), new("contactEmail", email), new("website", "https://csodefenders.example"),
        new("about", "We help human rights defenders in Tunisia and Algeria secure their accounts; vouched for by two helplines."),
    ];

    /// <summary>Applies through the use case, has two people vet and approve it, and enrols from the e-mailed invitation.</summary>
    public static async Task<TestPartner> ApprovedPartnerAsync(DeskApp app, string? organisation = null)
    {
        organisation ??= "Defenders Collective " + Guid.NewGuid().ToString("N")[..6];
        var email = NewEmail();
        var partnerId = Guid.Empty;
        await app.InScope(async sp =>
        {
            var f = ApplicationForm(organisation, email).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Value).ToList());
            var id = await sp.GetRequiredService<ApplyAsPartner>().RunAsync(PartnerApplicationReader.Read(new PartnerApplicationForm(
                f["organisation"][0], f["expertise"], f["countries"][0], f["contactName"][0], f["contactEmail"][0], f["website"][0], f["about"][0], "en")), default);
            await sp.GetRequiredService<PartnerApplications>().VetAsync(id, "Called both helplines; mandate checked.", Actor.Person("vetter-" + id, "vetter@desk.example"), default);
            var http = new DefaultHttpContext();
            http.Request.Scheme = "https";
            http.Request.Host = new HostString("localhost");
            partnerId = (await sp.GetRequiredService<PartnerOnboarding>().ApproveAsync(id, "Independent, accurate; approved.", Actor.Person("approver-" + id, "approver@desk.example"), http.Request, default))!.Value;
        });
        var (_, link) = await PortalSupport.MailToAsync(app, email);
        Assert.NotNull(link);
        var enrolled = await PortalSupport.EnrolAsync(app, link!);
        return new TestPartner(enrolled.Person, enrolled.UserId, partnerId, organisation);
    }

    public static async Task<HttpClient> TokenClientAsync(DeskApp app, TestPartner partner)
    {
        var token = await app.InScope(async sp => await sp.GetRequiredService<ApiTokenService>().CreateForPersonAsync(
            "partner-" + partner.PartnerId.ToString("N")[..8], partner.Person.Email, TimeSpan.FromDays(30), "test", default));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    public static Task<List<int>> CodesAsync(DeskApp app, string subject) => app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
        .Where(e => e.SubjectId == subject).OrderBy(e => e.Seq).Select(e => e.Code).ToListAsync());
}
