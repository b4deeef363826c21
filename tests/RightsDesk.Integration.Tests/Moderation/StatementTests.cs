using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// Statements of reasons through the real host on each engine: a stored measure gets its statement in the user's
/// language with an appeal code, delivered to the platform's signed webhook through the outbox; the desk shows it
/// with the code masked; under a gag on the linked demand the government is left out until the gag ends.
/// </summary>
public abstract class StatementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static JsonObject Decision(string puid, string language, Guid? demand = null)
    {
        var d = new JsonObject
        {
            ["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_DISABLED"),
            ["decisionGround"] = "DECISION_GROUND_ILLEGAL_CONTENT",
            ["illegalContentLegalGround"] = "18 U.S.C. § 875(c)",
            ["illegalContentExplanation"] = "A true threat against a named person.",
            ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
            ["category"] = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            ["territorialScope"] = new JsonArray("DE", "FR"),
            ["contentDate"] = "2026-02-27",
            ["applicationDate"] = "2026-03-02",
            ["endDateVisibilityRestriction"] = "2026-12-31",
            ["decisionFacts"] = "Post 12 of 2026-02-27 threatened a named person.",
            ["sourceType"] = "SOURCE_TYPE_OTHER_NOTIFICATION",
            ["automatedDetection"] = "No",
            ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
            ["puid"] = puid,
            ["userLanguage"] = language,
        };
        if (demand is { } id)
        {
            d["demandId"] = id.ToString();
        }

        return d;
    }

    private async Task<Guid> PostAsync(JsonObject decision)
    {
        var platform = await app.ClientFor(Roles.Platform);
        var response = await platform.PostAsync("/api/v1/moderation/decisions", new StringContent(decision.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var puid = (string)decision["puid"]!;
        return await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().Where(r => r.Puid == puid).Select(r => r.Id).SingleAsync());
    }

    private Task RunJobsAsync() => app.InScope(async sp =>
    {
        await sp.GetRequiredService<StatementsOfReasons>().RunAsync(100, default);
        await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
    });

    private JsonElement Delivered(Guid decision, int version) => app.Webhook.Requests
        .Select(r => JsonDocument.Parse(r.Body).RootElement)
        .Where(b => b.TryGetProperty("event", out var e) && e.GetString() == StatementsOfReasons.WebhookEvent)
        .Single(b => b.GetProperty("decision").GetString() == decision.ToString() && b.GetProperty("version").GetInt32() == version);

    [Fact]
    public async Task A_stored_measure_gets_a_statement_in_the_users_language_with_an_appeal_code_the_appeal_page_can_verify()
    {
        var id = await PostAsync(Decision("sor-" + Guid.NewGuid().ToString("N")[..10], "es"));
        await RunJobsAsync();

        var sent = Delivered(id, 1);
        Assert.Equal("es", sent.GetProperty("language").GetString());
        var text = sent.GetProperty("text").GetString()!;
        Assert.Contains("Se bloqueó el acceso a tu contenido", text, StringComparison.Ordinal);
        Assert.Contains("solo en: DE, FR", text, StringComparison.Ordinal);
        Assert.Contains("hasta el 2026-12-31", text, StringComparison.Ordinal);
        Assert.Contains("18 U.S.C. § 875(c)", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", sent.GetProperty("html").GetString()!, StringComparison.Ordinal);
        var appealBy = DateOnly.Parse(sent.GetProperty("appealBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(appealBy >= new DateOnly(2026, 3, 3).AddMonths(6), $"appeal deadline {appealBy} is under six months");
        var code = text.Split("**").Select(p => p.Trim()).First(p => p.Split(' ').Length == 7 && p.All(c => char.IsLetter(c) || c is ' ' or '-'));

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ModerationStatements.AsNoTracking().SingleAsync(s => s.DecisionId == id);
            var check = await sp.GetRequiredService<SecretCodes>().VerifyAsync(StatementsOfReasons.AppealPurpose, code.ToUpperInvariant(),
                async (key, ct) => await db.ModerationStatements.AsNoTracking().Where(s => s.AppealLookupKey == key)
                    .Select(s => new StoredCode(s.AppealLookupKey, s.AppealSalt, s.AppealHash)).SingleOrDefaultAsync(ct), default);
            Assert.Equal(SecretCodeCheck.Accepted, check);
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.StatementOfReasonsIssued).Select(e => e.Data).ToListAsync();
            Assert.Single(events);
            Assert.DoesNotContain(code, events[0], StringComparison.Ordinal);
            Assert.DoesNotContain("Post 12", events[0], StringComparison.Ordinal);
        });

        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var page = await s.GetAsync($"/desk/moderation/{id}");
        Assert.Contains("id=\"statement-1\"", page, StringComparison.Ordinal);
        Assert.Contains("Se bloqueó el acceso a tu contenido", page, StringComparison.Ordinal);
        Assert.Contains(StatementsOfReasons.MaskedCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(code, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_a_gag_the_government_is_left_out_and_a_second_statement_names_it_when_the_gag_ends()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(TestRepo.Example("02-us-search-warrant-with-gag"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var demand = Guid.Parse(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);

        var id = await PostAsync(Decision("sor-" + Guid.NewGuid().ToString("N")[..10], "en", demand));
        await RunJobsAsync();
        var gagged = Delivered(id, 1).GetProperty("text").GetString()!;
        Assert.DoesNotContain("government", gagged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The decision followed a notification we received", gagged, StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var row = await sp.GetRequiredService<RightsDeskDbContext>().ModerationStatements.AsNoTracking().SingleAsync(s => s.DecisionId == id);
            Assert.Equal(GovernmentMention.Withheld, row.Government);
            Assert.Equal(new DateOnly(2026, 9, 2), row.GagUntil);
        });

        // Nothing more while the gag holds; the day it ends, a second statement says who asked.
        await RunJobsAsync();
        Assert.DoesNotContain(app.Webhook.Requests, r => r.Body.Contains($"\"decision\":\"{id}\"", StringComparison.Ordinal) && r.Body.Contains("\"version\":2", StringComparison.Ordinal));
        // The fixture's clock only moves forward, and every later assertion here holds after the move.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero));
        await RunJobsAsync();
        var later = Delivered(id, 2).GetProperty("text").GetString()!;
        Assert.Contains("This decision carries out a demand from a government authority", later, StringComparison.Ordinal);
        Assert.Contains("replaces the earlier one", later, StringComparison.Ordinal);
    }
}

public sealed class SqliteStatementTests(SqliteDeskApp app) : StatementTests<SqliteDeskApp>(app);

public sealed class PostgresStatementTests(PostgresDeskApp app) : StatementTests<PostgresDeskApp>(app);
