using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// POST /api/v1/moderation/decisions through the real host on each engine: the platform's machine token reports
/// decisions in the Transparency Database's vocabulary, good items are stored and bad ones refused by path, puids
/// make retries safe, the ladder's answer tells the platform to apply or hold, and the ledger learns no free text.
/// </summary>
public abstract class ModerationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static JsonObject Decision(string puid) => new()
    {
        ["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_REMOVED"),
        ["decisionGround"] = "DECISION_GROUND_ILLEGAL_CONTENT",
        ["illegalContentLegalGround"] = "StGB § 130 (incitement)",
        ["illegalContentExplanation"] = "Calls for violence against a group.",
        ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
        ["category"] = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        ["territorialScope"] = new JsonArray("DE"),
        ["contentDate"] = "2026-03-01",
        ["applicationDate"] = "2026-03-02",
        ["decisionFacts"] = "The post of secret-fact-marker called for attacks on a named group.",
        ["sourceType"] = "SOURCE_ARTICLE_16",
        ["automatedDetection"] = "No",
        ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["puid"] = puid,
        ["userLanguage"] = "es",
        ["account"] = "@Someone@Example.Social",
    };

    private static JsonObject AutomatedSuspension(string puid, string category)
    {
        var d = Decision(puid);
        d.Remove("decisionVisibility");
        d["decisionAccount"] = "DECISION_ACCOUNT_SUSPENDED";
        d["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
        d["incompatibleContentGround"] = "Terms 7 (spam)";
        d["category"] = category;
        d["automatedDecision"] = "AUTOMATED_DECISION_FULLY";
        return d;
    }

    private static async Task<JsonElement> Post(HttpClient client, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync("/api/v1/moderation/decisions", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static JsonElement[] Results(JsonElement answer) => answer.GetProperty("results").EnumerateArray().ToArray();

    [Fact]
    public async Task A_batch_stores_the_good_items_refuses_the_bad_by_path_and_answers_each()
    {
        var platform = await app.ClientFor(Roles.Platform);
        var (a, b, c) = (Unique("post"), Unique("post"), Unique("post"));
        var bad = Decision(b);
        bad.Remove("category");
        bad["territorialScope"] = new JsonArray("DE", "Germany");
        var answer = await Post(platform, new JsonObject { ["decisions"] = new JsonArray(Decision(a), bad, Decision(c)) });

        var results = Results(answer);
        Assert.Equal(["created", "refused", "created"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal([a, b, c], results.Select(r => r.GetProperty("puid").GetString()));
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["apply", "hold", "apply"], results.Select(r => r.GetProperty("action").GetString()));
        var paths = results[1].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("decisions[1].category", paths);
        Assert.Contains("decisions[1].territorialScope[1]", paths);
        Assert.All(results[1].GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        Assert.Empty(results[0].GetProperty("errors").EnumerateArray());

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var stored = await db.ModerationDecisions.AsNoTracking().Where(r => r.Puid == a || r.Puid == b || r.Puid == c).ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.All(stored, r => Assert.Equal(Core.Moderation.Rung.GeoRestrict, r.Rung));
            Assert.All(stored, r => Assert.Equal("es", r.UserLanguage));
            Assert.All(stored, r => Assert.NotNull(r.AccountIndex));
            Assert.DoesNotContain("secret-fact-marker", Encoding.UTF8.GetString(stored[0].SealedDecision), StringComparison.Ordinal);

            var ids = stored.Select(r => r.Id.ToString()).ToList();
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId != null && ids.Contains(e.SubjectId)).ToListAsync();
            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal((int)LedgerEventCode.ModerationDecisionRecorded, e.Code));
            Assert.All(events, e => Assert.DoesNotContain(a, e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain("secret-fact-marker", e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain("someone", e.Data, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task The_same_decision_again_is_existing_and_another_body_under_its_puid_is_refused()
    {
        var platform = await app.ClientFor(Roles.Platform);
        var puid = Unique("retry");
        Assert.Equal("created", Results(await Post(platform, Decision(puid)))[0].GetProperty("status").GetString());

        // Key order and spacing are not a new body.
        var reordered = new JsonObject(Decision(puid).Reverse().Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        var again = Results(await Post(platform, reordered))[0];
        Assert.Equal("existing", again.GetProperty("status").GetString());
        Assert.Equal("apply", again.GetProperty("action").GetString());

        var changed = Decision(puid);
        changed["territorialScope"] = new JsonArray("GLOBAL");
        var refused = Results(await Post(platform, changed))[0];
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("puid", refused.GetProperty("errors")[0].GetProperty("path").GetString());

        // Twice in one batch: the second copy is existing, a changed copy refused.
        var twin = Unique("twin");
        var inBatch = Results(await Post(platform, new JsonObject { ["decisions"] = new JsonArray(Decision(twin), Decision(twin), AutomatedSuspension(twin, "STATEMENT_CATEGORY_VIOLENCE")) }));
        Assert.Equal(["created", "existing", "refused"], inBatch.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("decisions[2].puid", inBatch[2].GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_fully_automated_suspension_is_held_unless_the_policy_exempts_its_category()
    {
        var staff = await app.ClientFor(Roles.TrustAndSafety);
        var results = Results(await Post(staff, new JsonObject
        {
            ["decisions"] = new JsonArray(AutomatedSuspension(Unique("ban"), "STATEMENT_CATEGORY_VIOLENCE"), AutomatedSuspension(Unique("spam"), "STATEMENT_CATEGORY_SCAMS_AND_FRAUD")),
        }));
        Assert.Equal(["hold", "apply"], results.Select(r => r.GetProperty("action").GetString()));
        var held = results[0].GetProperty("puid").GetString();
        await app.InScope(async sp =>
        {
            var row = await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().SingleAsync(r => r.Puid == held);
            Assert.Equal(ModerationState.Held, row.State);
            Assert.Contains("ladder.automatedAccountMeasure", row.Findings, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 3, 2).AddDays(180), row.ReviewDue);
        });
    }

    [Fact]
    public async Task A_decision_may_name_a_known_demand_only_and_the_body_shape_is_checked_whole()
    {
        var platform = await app.ClientFor(Roles.Platform);
        var unknown = Decision(Unique("gov"));
        unknown["demandId"] = Guid.CreateVersion7().ToString();
        var refused = Results(await Post(platform, unknown))[0];
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("demandId", refused.GetProperty("errors")[0].GetProperty("path").GetString());

        var demand = await (await app.ClientFor(Roles.Intake)).PostAsync("/api/v1/demands", new StringContent(TestRepo.Example("07-germany-section-130-court-order"), Encoding.UTF8, "application/json"));
        var demandId = JsonDocument.Parse(await demand.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var linked = Decision(Unique("gov"));
        linked["demandId"] = demandId;
        linked["sourceType"] = "SOURCE_TYPE_OTHER_NOTIFICATION";
        Assert.Equal("created", Results(await Post(platform, linked))[0].GetProperty("status").GetString());

        var empty = await Post(platform, new JsonObject { ["decisions"] = new JsonArray() }, HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("decisions", out _));
        var duplicateKey = await platform.PostAsync("/api/v1/moderation/decisions", new StringContent("{\"puid\":\"a\",\"puid\":\"b\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicateKey.StatusCode);
    }

    [Fact]
    public async Task Staff_who_do_not_moderate_cannot_report_decisions()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var response = await intake.PostAsync("/api/v1/moderation/decisions", new StringContent(Decision(Unique("x")).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class SqliteModerationApiTests(SqliteDeskApp app) : ModerationApiTests<SqliteDeskApp>(app);

public sealed class PostgresModerationApiTests(PostgresDeskApp app) : ModerationApiTests<PostgresDeskApp>(app);
