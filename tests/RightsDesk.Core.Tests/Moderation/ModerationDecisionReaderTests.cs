using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Core.Tests.Moderation;

/// <summary>The Transparency Database's v2 rules, each refusal named by its JSON path.</summary>
public sealed class ModerationDecisionReaderTests
{
    private static IReadOnlyList<BatchItem<ModerationDecision>> Read(JsonNode body)
    {
        using var doc = StrictJson.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), ModerationDecisionReader.MaxBodyBytes, "too large");
        return ModerationDecisionReader.ReadBody(doc.RootElement);
    }

    private static IReadOnlyDictionary<string, string> Errors(JsonNode body) =>
        Read(body).Single().Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);

    [Fact]
    public void A_valid_decision_reads_with_the_databases_values_verbatim()
    {
        var d = Read(Decisions.Valid()).Single().Value!;
        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED"], d.DecisionVisibility);
        Assert.Equal("STATEMENT_CATEGORY_CYBER_VIOLENCE", d.Category);
        Assert.True(d.Global);
        Assert.True(d.ReachesEea);
        Assert.Equal(new DateOnly(2026, 9, 1), d.EndDateVisibilityRestriction);
        Assert.Equal("fr", d.UserLanguage);
        // The sealed copy keeps the wire names.
        var json = JsonSerializer.Serialize(d, JsonNames.Options);
        Assert.Contains("\"decisionVisibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("reachesEea", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var errors = Errors(Decisions.Valid()
            .With("category", "STATEMENT_CATEGORY_SPAM")
            .With("contentType", new JsonArray("CONTENT_TYPE_TEXT", "CONTENT_TYPE_HOLOGRAM"))
            .With("categorySpecification", new JsonArray("KEYWORD_NOT_A_KEYWORD"))
            .With("contentLanguage", "en")
            .With("automatedDetection", "yes")
            .With("puid", "post 1001")
            .With("contentDate", "1999-12-31")
            .With("colour", "red"));
        Assert.Contains("category", errors.Keys);
        Assert.Contains("contentType[1]", errors.Keys);
        Assert.Contains("categorySpecification[0]", errors.Keys);
        Assert.Contains("contentLanguage", errors.Keys);
        Assert.Contains("automatedDetection", errors.Keys);
        Assert.Contains("puid", errors.Keys);
        Assert.Equal("Between 2000-01-01 and 2038-01-01.", errors["contentDate"]);
        Assert.Contains("colour", errors.Keys);
    }

    [Fact]
    public void Required_if_rules_follow_the_ground_and_the_other_values()
    {
        var illegal = Errors(Decisions.Valid().With("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT"));
        Assert.Equal("Required when decisionGround is DECISION_GROUND_ILLEGAL_CONTENT.", illegal["illegalContentLegalGround"]);

        var incompatible = Errors(Decisions.Valid().Without("incompatibleContentGround"));
        Assert.Contains("incompatibleContentGround", incompatible.Keys);

        var others = Errors(Decisions.Valid()
            .With("decisionVisibility", new JsonArray("DECISION_VISIBILITY_OTHER"))
            .With("contentType", new JsonArray("CONTENT_TYPE_OTHER"))
            .With("categorySpecification", new JsonArray("KEYWORD_OTHER"))
            .With("decisionMonetary", "DECISION_MONETARY_OTHER"));
        Assert.Contains("decisionVisibilityOther", others.Keys);
        Assert.Contains("contentTypeOther", others.Keys);
        Assert.Contains("categorySpecificationOther", others.Keys);
        Assert.Contains("decisionMonetaryOther", others.Keys);
    }

    [Fact]
    public void At_least_one_restriction_is_needed_and_end_dates_belong_to_one()
    {
        var none = Errors(Decisions.Valid().Without("decisionVisibility", "endDateVisibilityRestriction"));
        Assert.StartsWith("At least one of decisionVisibility", none["decisionVisibility"], StringComparison.Ordinal);

        var early = Errors(Decisions.Valid().With("endDateVisibilityRestriction", "2026-02-01"));
        Assert.Equal("Must be on or after applicationDate.", early["endDateVisibilityRestriction"]);

        var orphan = Errors(Decisions.Valid().With("endDateAccountRestriction", "2026-04-01"));
        Assert.Contains("decisionAccount", orphan["endDateAccountRestriction"], StringComparison.Ordinal);
    }

    [Fact]
    public void Territorial_scope_takes_iso_codes_eea_or_global()
    {
        var eea = Read(Decisions.Valid().With("territorialScope", new JsonArray("EEA", "TR"))).Single().Value!;
        Assert.Equal(31, eea.TerritorialScope.Count);
        Assert.Contains("TR", eea.TerritorialScope);
        Assert.False(eea.Global);

        var turkey = Read(Decisions.Valid().With("territorialScope", new JsonArray("TR"))).Single().Value!;
        Assert.False(turkey.ReachesEea);

        var bad = Errors(Decisions.Valid().With("territorialScope", new JsonArray("tr", "XX")));
        Assert.Contains("territorialScope[0]", bad.Keys);
        Assert.Contains("territorialScope[1]", bad.Keys);
        Assert.Contains("territorialScope", Errors(Decisions.Valid().With("territorialScope", new JsonArray("GLOBAL", "DE"))).Keys);
        Assert.Contains("territorialScope", Errors(Decisions.Valid().Without("territorialScope")).Keys);
    }

    [Fact]
    public void Own_initiative_drops_the_source_identity_and_puids_are_bounded()
    {
        var voluntary = Read(Decisions.Valid().With("sourceType", "SOURCE_VOLUNTARY")).Single().Value!;
        Assert.Null(voluntary.SourceIdentity);
        Assert.Equal("At most 500 characters.", Errors(Decisions.Valid().With("puid", new string('a', 501)))["puid"]);
        Assert.Equal("Exactly 13 digits.", Errors(Decisions.Valid().With("contentId", new JsonObject { ["EAN-13"] = "12345" }))["contentId.EAN-13"]);
        Assert.Contains("demandId", Errors(Decisions.Valid().With("demandId", "not-a-uuid")).Keys);
        Assert.Contains("userLanguage", Errors(Decisions.Valid().With("userLanguage", "de")).Keys);
    }

    [Fact]
    public void A_batch_refuses_only_its_bad_items_by_index()
    {
        var batch = new JsonObject { ["decisions"] = new JsonArray(Decisions.Valid("a-1"), Decisions.Valid("a-2").Without("category"), Decisions.Valid("a-3")) };
        var items = Read(batch);
        Assert.Equal([true, false, true], items.Select(i => i.Accepted));
        Assert.Equal("decisions[1].category", items[1].Errors.Single().Field);
    }

    [Fact]
    public void A_batch_over_a_thousand_is_refused_whole()
    {
        var array = new JsonArray();
        for (var i = 0; i <= ModerationDecisionReader.MaxBatch; i++)
        {
            array.Add(new JsonObject { ["puid"] = "p" + i });
        }

        var ex = Assert.Throws<ValidationFailedException>(() => Read(new JsonObject { ["decisions"] = array }));
        Assert.Equal("decisions", ex.Errors.Single().Field);
    }
}
