using RightsDesk.Core.Moderation;
using RightsDesk.Core.Tests.Letters;

namespace RightsDesk.Core.Tests.Moderation;

public sealed class StatementComposerTests
{
    private static readonly ModerationDecision Geo = new()
    {
        DecisionVisibility = [Tdb.VisibilityDisabled],
        DecisionGround = Tdb.GroundIllegal,
        IllegalContentLegalGround = "StGB § 130 (Volksverhetzung)",
        IllegalContentExplanation = "The post calls for violence against a named group.",
        Category = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        TerritorialScope = ["DE"],
        ContentDate = new DateOnly(2026, 2, 20),
        ApplicationDate = new DateOnly(2026, 3, 1),
        EndDateVisibilityRestriction = new DateOnly(2026, 9, 1),
        DecisionFacts = "Post 77 of 2026-02-20 repeats the call in case 2026-114.",
        SourceType = Tdb.SourceOtherNotification,
        AutomatedDetection = Tdb.Yes,
        AutomatedDecision = "AUTOMATED_DECISION_PARTIALLY",
        Puid = "post-77",
        UserLanguage = "en",
        DemandId = Guid.Parse("3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"),
    };

    private static StatementModel Model(ModerationDecision d, GovernmentMention government = GovernmentMention.Said) =>
        new(d, "Example Social", new DateOnly(2026, 3, 2), new DateOnly(2026, 9, 1), "abacus zoom drop", government,
            government == GovernmentMention.Said ? "Staatsanwaltschaft Berlin" : null, government == GovernmentMention.Said ? "DE" : null);

    [Fact]
    public void An_english_statement_says_every_element_of_article_17_3()
    {
        var s = StatementComposer.Compose(ShippedPolicy.Policy, "en", Model(Geo));
        Assert.Equal("en", s.Language);
        Assert.Equal("Why we restricted your content or account", s.Subject);
        var body = s.BodyMarkdown;
        Assert.Contains("Access to your content was disabled", body, StringComparison.Ordinal);       // what
        Assert.Contains("in DE only", body, StringComparison.Ordinal);                                 // where
        Assert.Contains("from 2026-03-01 until 2026-09-01", body, StringComparison.Ordinal);           // how long
        Assert.Contains("Post 77 of 2026-02-20 repeats the call in case 2026-114.", body, StringComparison.Ordinal); // facts
        Assert.Contains("The decision followed a notification we received", body, StringComparison.Ordinal);       // source
        Assert.Contains("a government authority: Staatsanwaltschaft Berlin (DE)", body, StringComparison.Ordinal); // government
        Assert.Contains("The content was detected by automated means.", body, StringComparison.Ordinal);           // automation
        Assert.Contains("partly by automated means", body, StringComparison.Ordinal);
        Assert.Contains("**Legal ground:** StGB § 130 (Volksverhetzung)", body, StringComparison.Ordinal);        // ground
        Assert.Contains("calls for violence against a named group", body, StringComparison.Ordinal);
        Assert.Contains("until **2026-09-01**", body, StringComparison.Ordinal);                       // appeal deadline
        Assert.Contains("**abacus zoom drop**", body, StringComparison.Ordinal);                       // appeal code
        Assert.Contains(StatementComposer.AppealPage, body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_french_statement_says_the_same_elements_in_french()
    {
        var incompatible = Geo with
        {
            DecisionGround = Tdb.GroundIncompatible, IllegalContentLegalGround = null, IllegalContentExplanation = null,
            IncompatibleContentGround = "Règles de la communauté 4.2", IncompatibleContentExplanation = "Insultes répétées.",
            DecisionVisibility = [], DecisionAccount = Tdb.AccountSuspended, TerritorialScope = ["GLOBAL"],
            EndDateVisibilityRestriction = null, SourceType = Tdb.SourceVoluntary, AutomatedDetection = Tdb.No,
            AutomatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED", DemandId = null, UserLanguage = "fr",
        };
        var s = StatementComposer.Compose(ShippedPolicy.Policy, "fr", Model(incompatible, GovernmentMention.None));
        Assert.Equal("fr", s.Language);
        var body = s.BodyMarkdown;
        Assert.Contains("Votre compte a été suspendu", body, StringComparison.Ordinal);
        Assert.Contains("**Où :** partout", body, StringComparison.Ordinal);
        Assert.Contains("sans date de fin", body, StringComparison.Ordinal);
        Assert.Contains("Nous avons pris la décision de notre propre initiative", body, StringComparison.Ordinal);
        Assert.Contains("n’a pas été détecté par des moyens automatisés", body, StringComparison.Ordinal);
        Assert.Contains("prise par une personne", body, StringComparison.Ordinal);
        Assert.Contains("**Clause :** Règles de la communauté 4.2", body, StringComparison.Ordinal);
        Assert.Contains("jusqu’au **2026-09-01**", body, StringComparison.Ordinal);
        Assert.Contains("**abacus zoom drop**", body, StringComparison.Ordinal);
        Assert.DoesNotContain("autorité publique", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_gag_the_statement_leaves_the_government_out_and_the_later_one_names_it()
    {
        var gagged = StatementComposer.Compose(ShippedPolicy.Policy, "en", Model(Geo, GovernmentMention.Withheld)).BodyMarkdown;
        Assert.DoesNotContain("government", gagged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Staatsanwaltschaft", gagged, StringComparison.Ordinal);
        Assert.Contains("The decision followed a notification we received", gagged, StringComparison.Ordinal);

        var later = StatementComposer.Compose(ShippedPolicy.Policy, "en", Model(Geo) with { Supplementary = true });
        Assert.Equal("More about our decision on your content or account", later.Subject);
        Assert.Contains("replaces the earlier one", later.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Staatsanwaltschaft Berlin (DE)", later.BodyMarkdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("es")]
    [InlineData("fa")]
    [InlineData("ru")]
    [InlineData("tr")]
    [InlineData("zh-Hans")]
    public void Every_public_language_has_its_own_statement_with_every_value(string language)
    {
        var s = StatementComposer.Compose(ShippedPolicy.Policy, language, Model(Geo));
        Assert.NotEqual("en", s.Language);
        Assert.DoesNotContain("Access to your content was disabled", s.BodyMarkdown, StringComparison.Ordinal);
        foreach (var value in new[] { "DE", "2026-03-01", "2026-09-01", "Post 77 of 2026-02-20", "StGB § 130", "Staatsanwaltschaft Berlin", "**abacus zoom drop**", "/appeal" })
        {
            Assert.Contains(value, s.BodyMarkdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_facts_are_quoted_as_text_not_as_markdown()
    {
        var s = StatementComposer.Compose(ShippedPolicy.Policy, "en", Model(Geo with { DecisionFacts = "See [here](http://evil.example) # now" }));
        Assert.DoesNotContain("[here](http://evil.example)", s.BodyMarkdown, StringComparison.Ordinal);
    }
}
