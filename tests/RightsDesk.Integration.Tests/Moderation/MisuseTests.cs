using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// DSA Art. 23 through the real host on each engine: an account that keeps posting manifestly illegal content is
/// counted, cannot be suspended before it is warned, is warned by the platform, and its proposed suspension becomes,
/// once a person confirms it, a DECISION_ACCOUNT_SUSPENDED decision that ends on the suspension's last day and is
/// lifted with it. Neither the account nor the reasons ever reach the ledger.
/// </summary>
public abstract class MisuseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Reasons = "Six posts in three weeks called for violence against a named minority; each was removed as manifestly illegal.";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private string Day(int days) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Decision(string puid, string account) => new Dictionary<string, object>
    {
        ["decisionVisibility"] = new[] { "DECISION_VISIBILITY_CONTENT_REMOVED" }, ["decisionGround"] = "DECISION_GROUND_ILLEGAL_CONTENT",
        ["illegalContentLegalGround"] = "§ 130 StGB (incitement to hatred)", ["illegalContentExplanation"] = "Calls for violence against a group.",
        ["contentType"] = new[] { "CONTENT_TYPE_TEXT" }, ["category"] = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", ["territorialScope"] = new[] { "DE" },
        ["contentDate"] = "2026-03-01", ["applicationDate"] = "2026-03-02", ["decisionFacts"] = "A post calling for violence.", ["sourceType"] = "SOURCE_VOLUNTARY",
        ["automatedDetection"] = "No", ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED", ["puid"] = puid, ["userLanguage"] = "en", ["account"] = account,
    };

    private static async Task<JsonElement> Read(HttpResponseMessage r, HttpStatusCode expect)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expect, $"{r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_account_is_warned_before_it_is_suspended_and_its_confirmed_suspension_is_a_decision_that_lifts_with_it()
    {
        var account = "@" + Unique("poster") + "@example.social";
        var platform = await app.ClientFor(Roles.Platform, "misuse-platform");
        var decisions = Enumerable.Range(0, 6).Select(i => Decision(Unique("misuse-"), account)).ToArray();
        await Read(await platform.PostAsJsonAsync("/api/v1/moderation/decisions", new { decisions }), HttpStatusCode.OK);

        var status = await Read(await platform.PostAsJsonAsync("/api/v1/moderation/misuse/status", new { kind = "illegalContent", party = "account", partyId = account }), HttpStatusCode.OK);
        Assert.Equal((6, 6, true), (status.GetProperty("misused").GetInt32(), status.GetProperty("total").GetInt32(), status.GetProperty("candidate").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("warning").ValueKind);

        var early = await platform.PostAsJsonAsync("/api/v1/moderation/misuse/suspensions", new { kind = "illegalContent", party = "account", partyId = account, reasons = Reasons, language = "en", until = Day(30) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("prior warning", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await platform.PostAsJsonAsync("/api/v1/moderation/misuse/warnings", new { kind = "spam", party = "notifier", partyId = "", reasons = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.All(new[] { "kind", "partyId", "reasons" }, f => Assert.Contains($"\"{f}\"", badBody, StringComparison.Ordinal));

        var warning = await Read(await platform.PostAsJsonAsync("/api/v1/moderation/misuse/warnings", new { kind = "illegalContent", party = "account", partyId = account, reasons = Reasons, language = "en" }), HttpStatusCode.Created);
        Assert.Equal(("issued", 6), (warning.GetProperty("state").GetString(), warning.GetProperty("misused").GetInt32()));

        var tooLong = await platform.PostAsJsonAsync("/api/v1/moderation/misuse/suspensions", new { kind = "illegalContent", party = "account", partyId = account, reasons = Reasons, language = "en", until = Day(200) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("90 days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var proposal = await Read(await platform.PostAsJsonAsync("/api/v1/moderation/misuse/suspensions", new { kind = "illegalContent", party = "account", partyId = account, reasons = Reasons, language = "en", until = Day(30) }), HttpStatusCode.Created);
        Assert.Equal("proposed", proposal.GetProperty("state").GetString());
        Assert.Equal(warning.GetProperty("id").GetGuid(), proposal.GetProperty("warning").GetGuid());
        var id = proposal.GetProperty("id").GetGuid();
        var twice = await platform.PostAsJsonAsync("/api/v1/moderation/misuse/suspensions", new { kind = "illegalContent", party = "account", partyId = account, reasons = Reasons, language = "en", until = Day(20) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);

        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, Unique("ts") + "@desk.example", Roles.TrustAndSafety));
        var page = await desk.GetAsync($"/desk/misuse/{id}");
        Assert.Contains(account, page, StringComparison.Ordinal);
        Assert.Contains("waiting for a second person", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync($"/desk/misuse/{id}", [], $"/desk/misuse/{id}?handler=confirm")).StatusCode);
        Assert.Contains("in force", await desk.GetAsync($"/desk/misuse/{id}"), StringComparison.Ordinal);
        var history = await desk.PostFormAsync("/desk/moderation/accounts", [new("account", account)], "/desk/moderation/accounts");
        var historyPage = await desk.GetAsync(history.Headers.Location!.OriginalString);
        Assert.Contains($"/desk/misuse/{id}", historyPage, StringComparison.Ordinal);
        Assert.Contains("Suspension for manifestly illegal content", historyPage, StringComparison.Ordinal);

        var confirmed = await Read(await platform.GetAsync($"/api/v1/moderation/misuse/{id}"), HttpStatusCode.OK);
        Assert.True(confirmed.GetProperty("inForce").GetBoolean());
        var puid = confirmed.GetProperty("decision").GetString()!;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationDecisions.AsNoTracking().SingleAsync(d => d.Puid == puid);
            Assert.Equal((ModerationState.Active, DateOnly.ParseExact(Day(30), "yyyy-MM-dd", CultureInfo.InvariantCulture), "SOURCE_VOLUNTARY"), (row.State, row.EndsOn!.Value, row.SourceType));
            Assert.True(await db.Outbox.AsNoTracking().AnyAsync(m => m.SubjectId == row.Id.ToString()), "The platform was not told to apply the suspension.");
            Assert.True(await db.Outbox.AsNoTracking().AnyAsync(m => m.CorrelationId == warning.GetProperty("id").GetGuid().ToString()), "The warning was not sent.");
        });

        var lifted = await desk.PostFormAsync($"/desk/misuse/{id}", [new("reasons", "The account holder showed the posts were quoted to report them.")], $"/desk/misuse/{id}?handler=lift");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal("lifted", (await Read(await platform.GetAsync($"/api/v1/moderation/misuse/{id}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/v1/moderation/misuse/{Guid.NewGuid()}")).StatusCode);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(ModerationState.Lifted, (await db.ModerationDecisions.AsNoTracking().SingleAsync(d => d.Puid == puid)).State);
            var subjects = new[] { id.ToString(), warning.GetProperty("id").GetGuid().ToString() };
            var events = await db.LedgerEvents.AsNoTracking().Where(e => subjects.Contains(e.SubjectId)).Select(e => new { e.Code, e.Data }).ToListAsync();
            Assert.Equal(
                new[] { LedgerEventCode.MisuseWarningIssued, LedgerEventCode.MisuseSuspensionProposed, LedgerEventCode.MisuseMeasureRead, LedgerEventCode.MisuseSuspensionConfirmed, LedgerEventCode.MisuseSuspensionLifted }.Select(c => (int)c).ToHashSet(),
                events.Select(e => e.Code).ToHashSet());
            Assert.All(events, e => Assert.DoesNotContain(account, e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain("minority", e.Data, StringComparison.Ordinal));
        });
    }
}

public sealed class SqliteMisuseTests(SqliteDeskApp app) : MisuseTests<SqliteDeskApp>(app);

public sealed class PostgresMisuseTests(PostgresDeskApp app) : MisuseTests<PostgresDeskApp>(app);
