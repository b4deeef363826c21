using System.Globalization;
using System.Text.Json;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// The decisions `bench ingest` sends: decision <c>i</c> is always the same (so runs compare and a rerun against the
/// same store answers <c>existing</c>), and the sequence varies what the ingest path branches on: every category
/// kind, both grounds, every kind of restriction (visibility, monetary, provision of service, account, some fully
/// automated and so held), several territorial scopes, every statement language, with and without end dates. Each
/// one is written straight into the request body: nothing holds more than the batch in flight.
/// </summary>
/// <summary>The values of one generated decision that the list columns of its row hold.</summary>
public readonly record struct BenchRow(string Category, string Ground, string Source, string Automation, DateOnly Applied, string Language, bool ReachesEea);

public static class BenchDecisions
{
    public const string PuidPrefix = "bench-";

    private static readonly DateOnly Latest = new(2026, 6, 1);

    private static readonly (string Category, string Keyword, string Clause)[] Kinds =
    [
        ("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING", "Terms 7.1 (fraud and spam)"),
        ("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", "Community guidelines 3 (hateful conduct)"),
        ("STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_CYBER_HARASSMENT", "Community guidelines 4 (harassment)"),
        ("STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "KEYWORD_MISINFORMATION_DISINFORMATION", "Civic integrity policy 2"),
        ("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "KEYWORD_COPYRIGHT_INFRINGEMENT", "Terms 9 (copyright)"),
        ("STATEMENT_CATEGORY_SELF_HARM", "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS", "Community guidelines 6 (self-harm)"),
        ("STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "KEYWORD_UNSAFE_CHALLENGES", "Community guidelines 8 (minors)"),
    ];

    private static readonly string[] Visibility =
    [
        "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_REMOVED",
        "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_DISABLED",
    ];

    private static readonly string[][] Scopes = [["GLOBAL"], ["EEA"], ["DE"], ["FR", "BE"], ["TR"], ["BR"], ["EEA", "GB"]];
    private static readonly string[] ContentLanguages = ["EN", "DE", "FR", "ES", "AR", "TR", "PT", "RU"];
    private static readonly string[] ContentTypes = ["CONTENT_TYPE_TEXT", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_VIDEO", "CONTENT_TYPE_SYNTHETIC_MEDIA"];

    public static string Puid(long i) => PuidPrefix + i.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>{"decisions":[...]}</c> for decisions <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    public static void WriteBatch(Utf8JsonWriter w, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteStartArray("decisions");
        for (var i = from; i < to; i++)
        {
            Write(w, i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes decision <paramref name="i"/> and returns the values a list column would hold, for the baseline's rows.</summary>
    public static BenchRow Write(Utf8JsonWriter w, long i)
    {
        ArgumentNullException.ThrowIfNull(w);
        var (category, keyword, clause) = Kinds[i % Kinds.Length];
        var applied = Latest.AddDays(-(int)(i % 400));
        w.WriteStartObject();
        var measure = i % 20;
        if (measure == 7)
        {
            // Fully automated suspensions: on the ladder's account rung, held for a person unless policy exempts the category.
            w.WriteString("decisionAccount", "DECISION_ACCOUNT_SUSPENDED");
            if (i % 40 == 7)
            {
                w.WriteString("endDateAccountRestriction", Day(applied.AddDays(30)));
            }
        }
        else if (measure == 11)
        {
            w.WriteString("decisionMonetary", "DECISION_MONETARY_SUSPENSION");
            w.WriteString("endDateMonetaryRestriction", Day(applied.AddDays(60)));
        }
        else if (measure == 13)
        {
            w.WriteString("decisionProvision", "DECISION_PROVISION_PARTIAL_SUSPENSION");
            w.WriteString("endDateServiceRestriction", Day(applied.AddDays(14)));
        }
        else
        {
            w.WriteStartArray("decisionVisibility");
            w.WriteStringValue(Visibility[i % Visibility.Length]);
            w.WriteEndArray();
            if (i % 4 == 0)
            {
                w.WriteString("endDateVisibilityRestriction", Day(applied.AddDays(90)));
            }
        }

        var illegal = i % 3 == 1;
        var scope = Scopes[i % Scopes.Length];
        if (illegal)
        {
            w.WriteString("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT");
            w.WriteString("illegalContentLegalGround", "The national law on " + keyword[8..].Replace('_', ' ').ToLowerInvariant());
            w.WriteString("illegalContentExplanation", "Restricted where that law applies, after review against the provision cited.");
        }
        else
        {
            w.WriteString("decisionGround", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
            w.WriteString("incompatibleContentGround", clause);
            w.WriteString("incompatibleContentExplanation", "The post broke the rule quoted; the user had been warned before.");
        }

        w.WriteStartArray("contentType");
        w.WriteStringValue(ContentTypes[i % ContentTypes.Length]);
        w.WriteEndArray();
        w.WriteString("category", category);
        w.WriteStartArray("categorySpecification");
        w.WriteStringValue(keyword);
        w.WriteEndArray();
        w.WriteStartArray("territorialScope");
        foreach (var s in scope)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteString("contentLanguage", ContentLanguages[i % ContentLanguages.Length]);
        w.WriteString("contentDate", Day(applied.AddDays(-(int)(i % 5) - 1)));
        w.WriteString("applicationDate", Day(applied));
        w.WriteString("decisionFacts", string.Create(CultureInfo.InvariantCulture, $"Benchmark decision {i}: the post was reviewed against the rule cited."));
        var automated = measure == 7 ? 2 : i % 3;
        w.WriteString("automatedDetection", automated == 0 ? "No" : "Yes");
        var automation = automated switch
        {
            0 => "AUTOMATED_DECISION_NOT_AUTOMATED",
            1 => "AUTOMATED_DECISION_PARTIALLY",
            _ => "AUTOMATED_DECISION_FULLY",
        };
        w.WriteString("automatedDecision", automation);
        var source = (i % 5) switch
        {
            0 => "SOURCE_VOLUNTARY",
            1 => "SOURCE_TRUSTED_FLAGGER",
            _ => "SOURCE_ARTICLE_16",
        };
        w.WriteString("sourceType", source);
        if (i % 5 != 0)
        {
            w.WriteString("sourceIdentity", i % 5 == 1 ? "A trusted flagger" : "A user's notice");
        }

        w.WriteString("puid", Puid(i));
        var language = ModerationDecisionReader.UserLanguages[(int)(i % ModerationDecisionReader.UserLanguages.Count)];
        w.WriteString("userLanguage", language);
        w.WriteString("account", string.Create(CultureInfo.InvariantCulture, $"@bench-user-{i % 5_000}@social.example"));
        w.WriteEndObject();
        return new BenchRow(category, illegal ? "DECISION_GROUND_ILLEGAL_CONTENT" : "DECISION_GROUND_INCOMPATIBLE_CONTENT", source, automation,
            applied, language, scope.Contains("GLOBAL") || scope.Contains("EEA") || scope.Contains("DE") || scope.Contains("FR"));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
