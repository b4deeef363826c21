using System.Net;
using System.Net.Http.Json;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Partners;

/// <summary>Ending a trusted partner's standing takes two people, as admitting it did; afterwards the partner can
/// neither sign in nor flag, through its pages or its token, and the desk shows who ended it.</summary>
public abstract class PartnerRevocationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private async Task<PageSession> SignedInAsync(string role)
    {
        var person = await PageSession.CreatePersonAsync(app, $"{role[..3]}{Guid.NewGuid():N}"[..14] + "@desk.example", role);
        var session = new PageSession(app);
        await session.SignInAsync(person);
        return session;
    }

    private static object Flag => new
    {
        types = new[] { "harassment" }, description = "A coordinated campaign against a lawyer we support.", accounts = new[] { "@target@social.example" }, urgency = "thisWeek",
    };

    [Fact]
    public async Task Two_people_end_a_partners_standing_and_it_can_no_longer_sign_in_or_flag()
    {
        var partner = await PartnerSupport.ApprovedPartnerAsync(app);
        using var api = await PartnerSupport.TokenClientAsync(app, partner);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/partners/flags", Flag)).StatusCode);
        using var partnerSession = new PageSession(app);
        await partnerSession.SignInAsync(partner.Person);
        await partnerSession.GetAsync("/partner");

        using var lead = await SignedInAsync(Roles.HumanRightsLead);
        var short_ = await lead.PostFormAsync("/desk/partners", [new("partner", partner.PartnerId.ToString()), new("reason", "bad")], "/desk/partners?handler=ProposeRevocation");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, short_.StatusCode);
        var proposed = await lead.PostFormAsync("/desk/partners",
            [new("partner", partner.PartnerId.ToString()), new("reason", "Its flags were used to target a journalist; the coordinator confirmed it.")], "/desk/partners?handler=ProposeRevocation");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        // The proposer cannot confirm; the partner still works until a second person does.
        var own = await lead.PostFormAsync("/desk/partners", [new("partner", partner.PartnerId.ToString())], "/desk/partners?handler=ConfirmRevocation");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("Nobody confirms their own proposal", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/partners/flags", Flag)).StatusCode);

        using var responder = await SignedInAsync(Roles.IncidentResponder);
        var list = await responder.GetAsync("/desk/partners");
        Assert.Contains("Its flags were used to target a journalist", list, StringComparison.Ordinal);
        var confirmed = await responder.PostFormAsync("/desk/partners", [new("partner", partner.PartnerId.ToString())], "/desk/partners?handler=ConfirmRevocation");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        // Its session has ended, a new sign-in does not open its pages, and its token no longer flags.
        Assert.NotEqual(HttpStatusCode.OK, (await partnerSession.Client.GetAsync(new Uri("/partner", UriKind.Relative))).StatusCode);
        using var again = new PageSession(app);
        await again.SignInAsync(partner.Person);
        Assert.NotEqual(HttpStatusCode.OK, (await again.Client.GetAsync(new Uri("/partner", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/partners/flags", Flag)).StatusCode);

        var row = await lead.GetAsync("/desk/partners");
        row = row[row.IndexOf("id=\"p-" + partner.PartnerId, StringComparison.Ordinal)..];
        Assert.Contains("revoked", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var codes = await PartnerSupport.CodesAsync(app, partner.PartnerId.ToString());
        Assert.Contains((int)LedgerEventCode.PartnerRevocationProposed, codes);
        Assert.Contains((int)LedgerEventCode.PartnerRevoked, codes);
    }
}

public sealed class SqlitePartnerRevocationTests(SqliteDeskApp app) : PartnerRevocationTests<SqliteDeskApp>(app);

public sealed class PostgresPartnerRevocationTests(PostgresDeskApp app) : PartnerRevocationTests<PostgresDeskApp>(app);
