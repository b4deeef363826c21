using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Partners;

/// <summary>Issue 11's restore requests (priority for people on the at-risk registry, told to nobody who files) and
/// the incident form's request to be added to the registry, which a second person approves.</summary>
public abstract partial class RestoreAndSelfRequestTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [GeneratedRegex("<output class=\"code\"[^>]*>([^<]+)</output>")]
    private static partial Regex ReceiptPattern();

    private HttpClient Client()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static FormUrlEncodedContent Restore(string account, params KeyValuePair<string, string>[] more) => new([
        new("types", "accountCompromise"), new("description", "My account was taken over last night and posts in my name."),
        new("accounts", account), new("urgency", "thisWeek"), new("contact", "none"), .. more,
    ]);

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public async Task A_restore_request_from_an_at_risk_person_is_handled_first_and_the_answer_does_not_tell()
    {
        var listed = $"@defender{Guid.NewGuid():N}"[..16] + "@social.example";
        var other = $"@someone{Guid.NewGuid():N}"[..16] + "@social.example";
        await app.InScope(async sp => await sp.GetRequiredService<AtRiskRegistry>().ProposeAsync(
            new AtRiskEntry([new AtRiskIdentifier(IdentifierKind.Handle, listed)], "journalist", AtRiskSource.Staff, false, null, null, AtRiskVisibility.LeadAndResponders, null, null),
            Actor.Person("lead-id", "lead@desk.example"), default));

        var client = Client();
        // A second between posts, so the two are told apart by when they arrived (the fake clock stands still).
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var atRisk = await client.PostAsync(new Uri("/en/incident", UriKind.Relative), Restore(listed));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var ordinary = await client.PostAsync(new Uri("/en/incident", UriKind.Relative), Restore(other));
        Assert.Equal(HttpStatusCode.OK, atRisk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
        var a = await atRisk.Content.ReadAsStringAsync();
        var o = await ordinary.Content.ReadAsStringAsync();
        // The reporter's answers differ only by their receipt codes.
        Assert.Equal(ReceiptPattern().Replace(o, "code"), ReceiptPattern().Replace(a, "code"));

        var severities = await app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().Incidents.AsNoTracking()
            .OrderByDescending(i => i.ReceivedAt).Take(2).Select(i => new { i.NamesAtRiskPerson, i.Severity }).ToListAsync());
        Assert.Equal("S1", severities.Single(s => s.NamesAtRiskPerson).Severity);
        Assert.Equal("S2", severities.Single(s => !s.NamesAtRiskPerson).Severity);
    }

    [Fact]
    public async Task Asking_to_be_listed_proposes_an_entry_with_consent_that_a_person_approves()
    {
        var client = Client();
        var without = await client.PostAsync(new Uri("/en/incident", UriKind.Relative), Restore("@x@social.example", Field("registryRequest", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("give at least one of your own accounts", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var own = $"@nour{Guid.NewGuid():N}"[..14] + "@social.example";
        var sent = await client.PostAsync(new Uri("/en/incident", UriKind.Relative),
            Restore("@attacker@social.example", Field("registryRequest", "true"), Field("registryAccounts", own)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var (incident, person) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var i = await db.Incidents.AsNoTracking().SingleAsync(x => x.RegistryEntryId != null);
            var p = await db.AtRiskPeople.AsNoTracking().Include(x => x.Identifiers).SingleAsync(x => x.Id == i.RegistryEntryId);
            return (i, p);
        });
        Assert.Equal(AtRiskSource.SelfRequest, person.Source);
        Assert.True(person.Consent);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), person.ConsentOn);
        Assert.Equal(AtRiskStatus.Proposed, person.Status);
        Assert.Single(person.Identifiers); // only the reporter's own account, not the attacker's
        Assert.True(incident.RegistryRequested);

        // The proposed entry already protects: a demand naming the account matches.
        var matches = await app.InScope(async sp => await sp.GetRequiredService<AtRiskRegistry>().MatchAsync([new Core.Demands.Target(Core.Demands.TargetType.Account, own)], null, default));
        Assert.Single(matches);
        var responder = Actor.Person("responder-id", "responder@desk.example");
        var approved = await app.InScope(async sp => await sp.GetRequiredService<AtRiskRegistry>().ApproveAsync(person.Id, Viewer.For(responder, Roles.IncidentResponder, viaToken: false), default));
        Assert.Equal(AtRiskStatus.Active, approved);
    }
}

public sealed class SqliteRestoreAndSelfRequestTests(SqliteDeskApp app) : RestoreAndSelfRequestTests<SqliteDeskApp>(app);

public sealed class PostgresRestoreAndSelfRequestTests(PostgresDeskApp app) : RestoreAndSelfRequestTests<PostgresDeskApp>(app);
