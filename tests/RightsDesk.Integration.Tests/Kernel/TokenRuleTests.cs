using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Data.Accounts;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>
/// The case kernel at the API: a token acts for a person or a machine; four eyes counts people, not tokens; approving
/// needs a fresh code; a person's token ends with the person's account or role; how a demand arrived and whether its
/// requester was verified is what the desk recorded, not what the sender claims.
/// </summary>
public abstract class TokenRuleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Body(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CreateAsync(string example)
    {
        var created = await (await app.ClientFor(Roles.Intake)).PostAsync("/api/v1/demands", Json(TestRepo.Example(example)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Body(created)).GetProperty("id").GetString()!;
    }

    /// <summary>A second token for the person behind <paramref name="name"/>'s token, with its own secret.</summary>
    private async Task<HttpClient> SecondTokenOf(string name)
    {
        var secret = "";
        await app.InScope(async sp => secret = (await sp.GetRequiredService<ApiTokenService>()
            .CreateForPersonAsync(name + "-second", DeskApp.PersonEmail(name), TimeSpan.FromDays(1), "test", default)).Secret);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task Two_tokens_of_one_person_are_one_approver()
    {
        // A departure towards disclosure on an escalated case: two approvers, one of them the human rights lead.
        var id = await CreateAsync("06-hong-kong-national-security");
        var reviewer = await app.ClientFor(Roles.HumanRightsLead, Unique("decider"));
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose", reason = "The court has since confirmed the order on appeal; we disclose what it names." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("awaitingApproval", (await Body(decided)).GetProperty("state").GetString());

        var name = Unique("approver");
        var first = await app.ClientFor(Roles.Approver, name);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { })).StatusCode);

        var second = await SecondTokenOf(name);
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{id}/approvals") { Content = JsonContent.Create(new { }) };
        again.Headers.Add(DemandsApi.StepUpHeader, app.StepUpCode(name));
        var refused = await second.SendAsync(again);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("already approved", (await Body(refused)).GetProperty("detail").GetString()!, StringComparison.Ordinal);

        // The lead is the second person, and the escalation role: now it is decided.
        var lead = await app.ClientFor(Roles.HumanRightsLead, Unique("lead"));
        var done = await lead.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("decided", (await Body(done)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_machine_token_neither_decides_nor_approves()
    {
        var id = await CreateAsync("01-us-search-warrant");
        var platform = await app.ClientFor(Roles.Platform);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" })).StatusCode);
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{id}/approvals") { Content = JsonContent.Create(new { }) };
        approve.Headers.Add(DemandsApi.StepUpHeader, "123456");
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.SendAsync(approve)).StatusCode);
    }

    [Fact]
    public async Task Approving_through_the_api_without_a_fresh_code_is_refused_with_a_problem()
    {
        var id = await CreateAsync("01-us-search-warrant");
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(Roles.LegalReviewer, Unique("reviewer"))).PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" })).StatusCode);
        var name = Unique("approver");
        await app.TokenFor(Roles.Approver, name);
        var bare = app.CreateClient();
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(Roles.Approver, name));

        var missing = await bare.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { });
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains(DemandsApi.StepUpHeader, (await Body(missing)).GetProperty("detail").GetString()!, StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{id}/approvals") { Content = JsonContent.Create(new { }) };
        wrong.Headers.Add(DemandsApi.StepUpHeader, "000000");
        var refused = await bare.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("awaitingApproval", (await Body(await (await app.ClientFor(Roles.LegalReviewer)).GetAsync($"/api/v1/demands/{id}"))).GetProperty("state").GetString());

        // The same code, once: accepted, then refused when replayed.
        var code = app.StepUpCode(name);
        using var good = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{id}/approvals") { Content = JsonContent.Create(new { }) };
        good.Headers.Add(DemandsApi.StepUpHeader, code);
        Assert.Equal(HttpStatusCode.OK, (await bare.SendAsync(good)).StatusCode);
    }

    [Fact]
    public async Task A_persons_token_stops_when_the_person_is_disabled_or_changes_role()
    {
        var leaver = Unique("leaver");
        var mover = Unique("mover");
        var leaverClient = await app.ClientFor(Roles.LegalReviewer, leaver);
        var moverClient = await app.ClientFor(Roles.LegalReviewer, mover);
        Assert.Equal(HttpStatusCode.OK, (await leaverClient.GetAsync("/api/v1/demands")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moverClient.GetAsync("/api/v1/demands")).StatusCode);

        await app.InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<DeskUser>>();
            var accounts = sp.GetRequiredService<AccountService>();
            await accounts.SetDisabledAsync((await users.FindByEmailAsync(DeskApp.PersonEmail(leaver)))!.Id, true, "test", default);
            await accounts.ChangeRoleAsync((await users.FindByEmailAsync(DeskApp.PersonEmail(mover)))!.Id, Roles.Approver, "test", default);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await leaverClient.GetAsync("/api/v1/demands")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await moverClient.GetAsync("/api/v1/demands")).StatusCode);
    }

    [Fact]
    public async Task No_token_manages_tokens_or_reads_the_registry_whatever_its_role()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(Roles.Admin)).GetAsync("/api/v1/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(Roles.HumanRightsLead)).GetAsync("/api/v1/at-risk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(Roles.IncidentResponder)).GetAsync("/api/v1/at-risk")).StatusCode);
    }

    [Fact]
    public async Task Only_the_portal_records_a_portal_channel()
    {
        // The worked example says it came through the portal; through the API that is a claim, and refused.
        var refused = await (await app.ClientFor(Roles.Intake)).PostAsync("/api/v1/demands", Json(TestRepo.RawExample("01-us-search-warrant")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Body(refused)).GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Fact]
    public async Task A_claimed_verification_counts_only_once_a_call_back_is_recorded()
    {
        // The example claims its requester was verified, without the call-back that would show it.
        var claimed = TestRepo.RawExample("01-us-search-warrant").Replace("\"portal\"", "\"email\"", StringComparison.Ordinal);
        var intake = await app.ClientFor(Roles.Intake);
        var id = (await Body(await intake.PostAsync("/api/v1/demands", Json(claimed)))).GetProperty("id").GetString();
        // The filer follows it by its status; a reviewer reads the assessment and records the call-back.
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var created = await Body(await reviewer.GetAsync($"/api/v1/demands/{id}"));
        Assert.Equal("verifyRequester", created.GetProperty("assessment").GetProperty("recommendation").GetString());
        Assert.Contains(created.GetProperty("assessment").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("reason").GetString()!.Contains("no call-back is recorded", StringComparison.Ordinal));

        var recorded = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/verification",
            new { calledNumber = "+1 202 324 3000", numberSource = "the FBI's field office list on fbi.gov", spokeWith = "the duty agent" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var after = (await Body(recorded)).GetProperty("assessment");
        Assert.Equal("disclose", after.GetProperty("recommendation").GetString());
        Assert.Contains(after.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("reason").GetString()!.Contains("called the authority back", StringComparison.Ordinal));

        // A platform system cannot vouch for a call-back.
        var vouched = await (await app.ClientFor(Roles.Platform)).PostAsync("/api/v1/demands", Json(TestRepo.Example("01-us-search-warrant")));
        Assert.Equal(HttpStatusCode.BadRequest, vouched.StatusCode);
        Assert.True((await Body(vouched)).GetProperty("errors").TryGetProperty("authority.verification", out _));
    }
}

public sealed class SqliteTokenRuleTests(SqliteDeskApp app) : TokenRuleTests<SqliteDeskApp>(app);

public sealed class PostgresTokenRuleTests(PostgresDeskApp app) : TokenRuleTests<PostgresDeskApp>(app);
