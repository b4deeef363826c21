using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's moderation decisions: more than a hundred, as the platform would report them through the API (the
/// same reader and command), in every statement language, across the ladder, some held for a person, and the
/// government's content and account demands carried out as decisions linked to their cases.
/// </summary>
public static class ModerationDemo
{
    // Enough that more than a hundred reach the EEA (about two in three do), so the export writes more than one batch.
    public const int Count = 180;

    private static readonly (string Category, string Keyword, string Ground)[] Kinds =
    [
        ("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING", "Terms 7.1 (fraud and spam)"),
        ("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", "Community guidelines 3 (hateful conduct)"),
        ("STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_CYBER_HARASSMENT", "Community guidelines 4 (harassment)"),
        ("STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "KEYWORD_MISINFORMATION_DISINFORMATION", "Civic integrity policy 2"),
        ("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "KEYWORD_COPYRIGHT_INFRINGEMENT", "Terms 9 (copyright)"),
        ("STATEMENT_CATEGORY_SELF_HARM", "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS", "Community guidelines 6 (self-harm)"),
    ];

    private static readonly string[] Measures =
    [
        "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_REMOVED",
        "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_DISABLED",
    ];

    private static readonly string[][] Scopes = [["GLOBAL"], ["EEA"], ["DE"], ["FR", "BE"], ["TR"], ["BR"]];

    public static async Task<int> SeedAsync(IServiceProvider sp, Actor platform, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var demands = await db.Demands.AsNoTracking()
            .Where(d => d.Kind == DemandKind.ContentRestriction || d.Kind == DemandKind.AccountRestriction)
            .OrderBy(d => d.ReceivedAt).Select(d => new { d.Id, d.Kind, Country = d.AuthorityCountry }).Take(12).ToListAsync(ct);
        var items = new JsonArray();
        for (var i = 0; i < Count; i++)
        {
            var linked = i < demands.Count ? demands[i] : null;
            items.Add(linked is null ? Own(i, today) : FromDemand(i, today, linked.Id, linked.Kind, linked.Country));
        }

        using var doc = JsonDocument.Parse(new JsonObject { ["decisions"] = items }.ToJsonString());
        var read = ModerationDecisionReader.ReadBody(doc.RootElement);
        var refused = read.FirstOrDefault(r => !r.Accepted);
        if (refused is not null)
        {
            throw new InvalidOperationException("A demo decision does not pass the reader: " + string.Join("; ", refused.Errors.Select(e => e.Field + " " + e.Message)));
        }

        var results = await sp.GetRequiredService<RecordDecisions>().RunAsync(
            new RecordDecisions.Request(read, true, read.Select(r => r.Value?.Puid).ToList(), platform), ct);
        return results.Count(r => r.Status == DecisionStatus.Created);
    }

    private static JsonObject Own(int i, DateOnly today)
    {
        var (category, keyword, ground) = Kinds[i % Kinds.Length];
        var applied = today.AddDays(-(i * 3 % 170) - 1);
        var d = Base(i, applied, category, keyword);
        d["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
        d["incompatibleContentGround"] = ground;
        d["incompatibleContentExplanation"] = "The post broke the rule quoted; the user had been warned before.";
        d["sourceType"] = i % 3 == 0 ? "SOURCE_VOLUNTARY" : "SOURCE_ARTICLE_16";
        if (i % 3 != 0)
        {
            d["sourceIdentity"] = "A user's notice";
        }

        if (i % 10 == 7)
        {
            // Fully automated suspensions: the fraud ones apply at once, the others wait for a person.
            d["decisionAccount"] = "DECISION_ACCOUNT_SUSPENDED";
            d["automatedDetection"] = "Yes";
            d["automatedDecision"] = "AUTOMATED_DECISION_FULLY";
            if (i % 20 == 7)
            {
                d["endDateAccountRestriction"] = Day(applied.AddDays(30));
            }
        }
        else
        {
            d["decisionVisibility"] = new JsonArray(Measures[i % Measures.Length]);
            d["territorialScope"] = new JsonArray(Scopes[i % Scopes.Length].Select(s => (JsonNode)s!).ToArray());
            if (i % 4 == 0)
            {
                d["endDateVisibilityRestriction"] = Day(applied.AddDays(90));
            }
        }

        return d;
    }

    private static JsonObject FromDemand(int i, DateOnly today, Guid demand, DemandKind kind, string country)
    {
        var d = Base(i, today.AddDays(-(i % 20) - 1), "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_VIOLATION_NATIONAL_LAW");
        d["demandId"] = demand.ToString();
        d["decisionGround"] = "DECISION_GROUND_ILLEGAL_CONTENT";
        d["illegalContentLegalGround"] = "The law the authority of " + country + " cited in its order";
        d["illegalContentExplanation"] = "Restricted where that law applies, following the assessed government order.";
        d["sourceType"] = "SOURCE_TYPE_OTHER_NOTIFICATION";
        d["sourceIdentity"] = "An authority of " + country;
        d["territorialScope"] = new JsonArray(country);
        if (kind == DemandKind.AccountRestriction)
        {
            d["decisionProvision"] = "DECISION_PROVISION_PARTIAL_SUSPENSION";
            d["endDateServiceRestriction"] = Day(today.AddDays(60));
        }
        else
        {
            d["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_DISABLED");
        }

        return d;
    }

    private static JsonObject Base(int i, DateOnly applied, string category, string keyword) => new()
    {
        ["contentType"] = new JsonArray(i % 5 == 0 ? "CONTENT_TYPE_IMAGE" : "CONTENT_TYPE_TEXT"),
        ["category"] = category,
        ["categorySpecification"] = new JsonArray(keyword),
        ["territorialScope"] = new JsonArray("GLOBAL"),
        ["contentLanguage"] = "EN",
        ["contentDate"] = Day(applied.AddDays(-2)),
        ["applicationDate"] = Day(applied),
        ["decisionFacts"] = "Demo decision " + i.ToString(CultureInfo.InvariantCulture) + ": the post was reviewed against the rule cited.",
        ["automatedDetection"] = i % 2 == 0 ? "Yes" : "No",
        ["automatedDecision"] = i % 2 == 0 ? "AUTOMATED_DECISION_PARTIALLY" : "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["puid"] = "demo-post-" + i.ToString("D5", CultureInfo.InvariantCulture),
        ["userLanguage"] = ModerationDecisionReader.UserLanguages[i % ModerationDecisionReader.UserLanguages.Count],
        ["account"] = "@demo-user-" + (i % 40).ToString(CultureInfo.InvariantCulture) + "@social.example",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
