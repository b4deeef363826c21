using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Partners;

/// <summary>Trusted partners end to end: the public application, two people vetting it, the account with its
/// authenticator, flags through the API and the pages, priority in the queue, feedback and accuracy.</summary>
public abstract class PartnerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string NewStaff(string who) => $"{who}{Guid.NewGuid():N}"[..14] + "@desk.example";

    private async Task<PageSession> SignedInAsync(string role)
    {
        var person = await PageSession.CreatePersonAsync(app, NewStaff(role[..3]), role);
        var session = new PageSession(app);
        await session.SignInAsync(person);
        return session;
    }

    private HttpClient Anonymous(string site = "same-origin")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", site);
        return client;
    }

    [Fact]
    public async Task An_application_vetted_by_two_people_becomes_a_partner_who_signs_in_with_an_authenticator()
    {
        var organisation = "Digital Defenders " + Guid.NewGuid().ToString("N")[..6];
        var email = PartnerSupport.NewEmail();
        var client = Anonymous();
        var form = await client.GetAsync(new Uri("/fr/partners/apply", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
        var formHtml = await form.Content.ReadAsStringAsync();
        Assert.Contains("partenaire de confiance", formHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", formHtml, StringComparison.OrdinalIgnoreCase);

        var refused = await client.PostAsync(new Uri("/en/partners/apply", UriKind.Relative), new FormUrlEncodedContent([new("organisation", organisation)]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose at least one area of expertise.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forged = await Anonymous("cross-site").PostAsync(new Uri("/en/partners/apply", UriKind.Relative), new FormUrlEncodedContent(PartnerSupport.ApplicationForm(organisation, email)));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var sent = await client.PostAsync(new Uri("/en/partners/apply", UriKind.Relative), new FormUrlEncodedContent(PartnerSupport.ApplicationForm(organisation, email)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("id=\"received\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().PartnerApplications
            .Where(a => a.Organisation == organisation).Select(a => a.Id).SingleAsync());
        using var lead = await SignedInAsync(Roles.HumanRightsLead);
        using var responder = await SignedInAsync(Roles.IncidentResponder);
        Assert.Contains(organisation, await lead.GetAsync("/desk/partners"), StringComparison.Ordinal);
        var path = $"/desk/partners/applications/{id}";
        Assert.Contains(email, await lead.GetAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(path, [new("note", "Mandate and funding checked with two helplines.")], path + "?handler=vet")).StatusCode);
        var self = await lead.PostFormAsync(path, [new("note", "I approve my own vetting, which must fail.")], path + "?handler=approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("cannot also approve", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostFormAsync(path, [new("note", "Second look: independent, approved.")], path + "?handler=approve")).StatusCode);
        var codes = await PartnerSupport.CodesAsync(app, id.ToString());
        foreach (var code in new[] { LedgerEventCode.PartnerApplied, LedgerEventCode.PartnerApplicationRead, LedgerEventCode.PartnerApplicationVetted, LedgerEventCode.PartnerApproved })
        {
            Assert.Contains((int)code, codes);
        }

        // The invitation goes to the contact address only; the partner chooses a password and binds an authenticator.
        var (mail, link) = await PortalSupport.MailToAsync(app, email);
        Assert.NotNull(link);
        Assert.DoesNotContain(organisation, mail.TextBody, StringComparison.Ordinal);
        var partner = await PortalSupport.EnrolAsync(app, link!);
        using var session = new PageSession(app);
        var signIn = await session.SignInAsync(partner.Person);
        Assert.Equal("/partner", signIn.Headers.Location?.OriginalString);
        var mine = await session.GetAsync("/partner");
        Assert.Contains(organisation, mine, StringComparison.Ordinal);
        Assert.Contains("id=\"no-flags\"", mine, StringComparison.Ordinal);
        var desk = await session.Client.GetAsync(new Uri("/desk/partners", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, desk.StatusCode);
    }

    [Fact]
    public async Task A_partner_flag_goes_ahead_of_a_report_of_the_same_severity_and_its_outcome_reaches_the_partner()
    {
        var partner = await PartnerSupport.ApprovedPartnerAsync(app);
        var report = await app.InScope(async sp => await sp.GetRequiredService<SubmitIncident>().RunAsync(
            new IncidentReport([IncidentType.Doxxing], "public report", ["@someone@social.example"], [], IncidentUrgency.ThisWeek, false,
                ContactChannel.None, null, false, null, "en"), default));
        Assert.Equal("S2", report.Severity);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        using var api = await PartnerSupport.TokenClientAsync(app, partner);
        var bad = await api.PostAsJsonAsync("/api/v1/partners/flags", new { types = new[] { "harassment" }, urgency = "soon" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
        var created = await api.PostAsJsonAsync("/api/v1/partners/flags", new
        {
            types = new[] { "harassment", "impersonation" }, description = "A coordinated campaign impersonates a lawyer we support.",
            accounts = new[] { "@fake_lawyer@social.example" }, content = new[] { "https://social.example/@fake_lawyer/1" }, urgency = "thisWeek",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var flag = await created.Content.ReadFromJsonAsync<JsonElement>();
        var reference = flag.GetProperty("reference").GetString()!;
        var incidentId = flag.GetProperty("id").GetGuid();
        var stored = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().Incidents.AsNoTracking().SingleAsync(i => i.Id == incidentId));
        Assert.Equal(partner.PartnerId, stored.PartnerId);
        Assert.Equal("S2", stored.Severity); // harassment alone is S3: the partner floor raised it

        // No one else's token flags as a partner.
        using var staff = await app.ClientFor(Roles.IncidentResponder);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/partners/flags", new { description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(new Uri("/api/v1/demands", UriKind.Relative))).StatusCode);

        using var responder = await SignedInAsync(Roles.IncidentResponder);
        var queue = await responder.GetAsync("/desk/incidents");
        Assert.True(queue.IndexOf(reference, StringComparison.Ordinal) < queue.IndexOf(report.Reference, StringComparison.Ordinal), "the partner's flag comes first");
        Assert.Contains("partner flag", queue, StringComparison.Ordinal);
        var path = $"/desk/incidents/{incidentId}";
        Assert.Contains(partner.Organisation, await responder.GetAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostFormAsync(path, [], path + "?handler=acknowledge")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostFormAsync(path, [new("template", ""), new("text", "We removed the impersonating account and its posts.")], path + "?handler=reply")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostFormAsync(path, [new("outcome", "contentRemoved")], path + "?handler=resolve")).StatusCode);

        using var session = new PageSession(app);
        await session.SignInAsync(partner.Person);
        var mine = await session.GetAsync("/partner");
        Assert.Contains(reference, mine, StringComparison.Ordinal);
        Assert.Contains("content removed", mine, StringComparison.Ordinal);
        Assert.Contains("upheld: we acted on your flag", mine, StringComparison.Ordinal);
        Assert.Contains("We removed the impersonating account and its posts.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Reference, mine, StringComparison.Ordinal);

        using var lead = await SignedInAsync(Roles.HumanRightsLead);
        var partners = await lead.GetAsync("/desk/partners");
        Assert.Contains("100 %", partners[partners.IndexOf(partner.Organisation, StringComparison.Ordinal)..], StringComparison.Ordinal);
        var codes = await PartnerSupport.CodesAsync(app, partner.PartnerId.ToString());
        Assert.Contains((int)LedgerEventCode.PartnerFlagged, codes);
        Assert.Contains((int)LedgerEventCode.PartnerFeedbackRead, codes);
    }

    [Fact]
    public async Task A_partner_flags_from_its_own_page_and_sees_only_its_own_flags()
    {
        var first = await PartnerSupport.ApprovedPartnerAsync(app);
        var second = await PartnerSupport.ApprovedPartnerAsync(app);
        using var one = new PageSession(app);
        await one.SignInAsync(first.Person);
        var missing = await one.PostFormAsync("/partner/flag", [new("types", "threats"), new("urgency", "today")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Tell us what happened", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await one.PostFormAsync("/partner/flag", [new("types", "threats"), new("urgency", "today"),
            new("description", "Death threats against a journalist we support, posted an hour ago."), new("accounts", "@threatener@social.example")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mine = await one.GetAsync("/partner");
        Assert.Contains("id=\"flagged\"", mine, StringComparison.Ordinal);

        using var two = new PageSession(app);
        await two.SignInAsync(second.Person);
        Assert.Contains("id=\"no-flags\"", await two.GetAsync("/partner"), StringComparison.Ordinal);
    }
}

public sealed class SqlitePartnerTests(SqliteDeskApp app) : PartnerTests<SqliteDeskApp>(app);

public sealed class PostgresPartnerTests(PostgresDeskApp app) : PartnerTests<PostgresDeskApp>(app);
