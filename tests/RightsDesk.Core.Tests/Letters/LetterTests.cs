using System.Text.RegularExpressions;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>Letters and notices built from the worked examples, assessed by the real engine on the shipped policy.</summary>
public sealed class LetterTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    public static TheoryData<string> Examples() => [.. ShippedPolicy.ExampleNames()];

    private static (Demand Demand, AssessmentResult Assessment, LetterModel Model) Letter(string example)
    {
        var (demand, assessment) = ShippedPolicy.Assessed(example);
        return (demand, assessment, LetterModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, Today));
    }

    private static string Say(LetterReason reason, string language = "en") =>
        Vocabulary.For(ShippedPolicy.Policy, language).Sentences.Say(reason);

    private static RenderedLetter Compose(LetterModel model, string language = "en") =>
        LetterComposer.Compose(ShippedPolicy.Policy, LetterComposer.KindFor(model), language, model);

    [Theory]
    [MemberData(nameof(Examples))]
    public void No_letter_or_notice_names_a_target(string example)
    {
        var (demand, assessment, model) = Letter(example);
        var notice = NoticeModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, Today);
        var texts = new List<string>();
        foreach (var language in TemplateCatalogueTests.LetterLanguages)
        {
            foreach (var kind in Enum.GetValues<LetterKind>())
            {
                var letter = LetterComposer.Compose(ShippedPolicy.Policy, kind, language, model);
                texts.Add(letter.Subject + "\n" + letter.BodyMarkdown);
            }
        }

        foreach (var language in TemplateCatalogueTests.NoticeLanguages)
        {
            var rendered = NoticeComposer.Compose(ShippedPolicy.Policy, language, notice);
            Assert.Equal(language, rendered.Language);
            texts.Add(rendered.Subject + "\n" + rendered.BodyMarkdown);
            if (demand.Authority.Officer is { } officer)
            {
                Assert.DoesNotContain(officer, rendered.BodyMarkdown, StringComparison.Ordinal);
            }
        }

        foreach (var target in demand.Targets)
        {
            // Whole-word match: a keyword target such as "march" must not be confused with "démarche".
            var id = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(target.Id.TrimStart('@', '#')) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase);
            Assert.DoesNotContain(texts, t => id.IsMatch(t));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Letters_never_reveal_the_at_risk_registry_or_the_internal_risk_rating(string example)
    {
        var (_, _, model) = Letter(example);
        var letter = Compose(model);
        Assert.DoesNotContain("at-risk", letter.BodyMarkdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registry", letter.BodyMarkdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Freedom House", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("-risk", letter.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_journalist_subpoena_letter_does_not_say_the_target_is_a_journalist()
    {
        var (_, assessment, model) = Letter("16-us-subpoena-for-journalist");
        Assert.Contains(assessment.Findings, f => f.Check == "targetRisk" && f.Outcome is FindingOutcome.Concern);
        Assert.DoesNotContain("journalist", Compose(model).BodyMarkdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_overbroad_subpoena_gets_a_partial_letter_that_names_what_would_suffice()
    {
        var (_, _, model) = Letter("03-us-subpoena-overbroad");
        Assert.Equal(LetterKind.Partial, LetterComposer.KindFor(model));
        var letter = Compose(model);
        Assert.Contains("basic subscriber information", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("- content of messages, posts and files: we will consider it again on receipt of one of the following: search warrant,", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("GJ-26-0311", letter.Subject, StringComparison.Ordinal);
        Assert.Contains("the account or item identified in your request", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal(3, model.Withheld.Count);
        Assert.All(model.Withheld, w => Assert.Equal("subpoena", w.Reason!.Facts["process"]));
        // The one finding that explains all three categories is given once, not three times.
        Assert.Single(Regex.Matches(letter.BodyMarkdown, "a subpoena does not reach"));
    }

    [Fact]
    public void A_direct_foreign_demand_for_content_is_routed_via_mlat_citing_the_law_where_the_data_is_held()
    {
        // Decided explicitly: whether the assessment gets here first depends on the Brazilian profile, not on letters.
        var (demand, assessment) = ShippedPolicy.Assessed("05-brazil-content-without-mlat");
        var model = LetterModel.From(demand, assessment, Recommendation.RouteViaMlat, ShippedPolicy.Policy, Today);
        Assert.Equal(LetterKind.RouteViaMlat, LetterComposer.KindFor(model));
        var letter = Compose(model);
        Assert.Contains("18 U.S.C. § 2702", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("mutual legal assistance", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("United States", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal([DataCategory.Content], model.MlatCategories);
        Assert.Equal([LegalProcess.Mlat], model.Withheld.Single().Sufficient);
    }

    [Fact]
    public void A_forged_emergency_gets_a_verification_letter_promising_an_independent_call_back()
    {
        var (_, _, model) = Letter("04-forged-emergency-request-free-mail");
        Assert.Equal(LetterKind.VerificationRequest, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("obtain independently", body, StringComparison.Ordinal);
        Assert.Contains("We never act on an emergency request whose origin we have not verified", body, StringComparison.Ordinal);
        Assert.Contains("gmail.com", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sgt. R. Hale", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genuine_emergency_letter_states_when_follow_up_process_is_due_and_when_the_user_is_told()
    {
        var (_, _, model) = Letter("14-us-genuine-emergency");
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("2026-12-02", body, StringComparison.Ordinal);
        Assert.Contains("imminent risk of death", body, StringComparison.Ordinal);
        Assert.Contains("contact list", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gagged_warrant_letter_says_the_user_is_told_the_day_after_the_order_expires()
    {
        var (_, _, model) = Letter("02-us-search-warrant-with-gag");
        Assert.Equal(LetterKind.Comply, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("2026-09-03", body, StringComparison.Ordinal);
        Assert.Contains("2026-09-02", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dragnet_rejection_lists_each_reason_with_its_standard()
    {
        var (_, _, model) = Letter("09-keyword-and-location-dump");
        Assert.Equal(LetterKind.Rejection, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.NotEmpty(model.Failures);
        foreach (var failure in model.Failures)
        {
            Assert.Contains(Say(failure), body, StringComparison.Ordinal);
            Assert.Contains(failure.Standard, body, StringComparison.Ordinal);
        }

        Assert.Contains("not individualised", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_dsa_order_gets_a_clarification_listing_exactly_what_is_missing()
    {
        var (_, _, model) = Letter("11-dsa-order-incomplete");
        Assert.Equal(LetterKind.Clarification, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("statement of reasons", body, StringComparison.Ordinal);
        Assert.Contains("redress", body, StringComparison.Ordinal);
        Assert.Contains("Article 10(2)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preservation_letter_says_preservation_is_not_disclosure()
    {
        var (_, _, model) = Letter("12-us-preservation-request");
        Assert.Equal(LetterKind.Preservation, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("90 days, until 2026-12-31", body, StringComparison.Ordinal);
        Assert.Contains("Preservation is not disclosure", body, StringComparison.Ordinal);
        Assert.Contains("search warrant", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shutdown_order_is_challenged_citing_the_human_rights_council()
    {
        var (_, _, model) = Letter("13-regional-shutdown-order");
        Assert.Equal(LetterKind.Challenge, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("47/16", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Concerning:", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_challenge_to_an_order_resting_on_an_abusive_law_states_why()
    {
        var (_, _, model) = Letter("08-turkey-insulting-the-president");
        Assert.Equal(LetterKind.Challenge, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        var aim = Assert.Single(model.Failures, f => f.Standard.StartsWith("ICCPR Art. 19(3)", StringComparison.Ordinal));
        Assert.Contains(Say(aim), body, StringComparison.Ordinal);
        Assert.Contains(aim.Facts["law"], body, StringComparison.Ordinal);
        Assert.Contains(aim.Standard, body, StringComparison.Ordinal);
        Assert.Contains("remains available", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restriction_wider_than_the_law_relied_on_is_applied_locally_and_the_letter_says_so()
    {
        var (_, _, model) = Letter("07-germany-section-130-court-order");
        Assert.Equal(LetterKind.Comply, LetterComposer.KindFor(model));
        var body = Compose(model).BodyMarkdown;
        Assert.Contains("access is restricted in DE", body, StringComparison.Ordinal);
        Assert.Contains("everywhere (worldwide)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_in_spanish_and_french_are_in_those_languages()
    {
        var (_, _, model) = Letter("03-us-subpoena-overbroad");
        var es = Compose(model, "es");
        var fr = Compose(model, "fr");
        Assert.Equal("es", es.Language);
        Assert.Equal("fr", fr.Language);
        Assert.Contains("orden de registro", es.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("mandat de perquisition", fr.BodyMarkdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "en")]
    [InlineData("es-MX", "es")]
    [InlineData("FR", "fr")]
    [InlineData("fr_CA", "fr")]
    [InlineData("../../operator", "en")]
    [InlineData("", "en")]
    public void Language_falls_back_to_the_base_language_then_english(string requested, string expected)
    {
        Assert.Equal(expected, LetterComposer.Compose(ShippedPolicy.Policy, LetterKind.Comply, requested, Models.FullLetter()).Language);
        Assert.Equal(expected, NoticeComposer.Compose(ShippedPolicy.Policy, requested, Models.FullNotice()).Language);
    }

    [Fact]
    public void A_notice_in_a_language_without_letters_uses_that_language()
    {
        var notice = NoticeComposer.Compose(ShippedPolicy.Policy, "fa-IR", Models.FullNotice());
        Assert.Equal("fa", notice.Language);
    }

    [Fact]
    public void A_missing_english_template_is_named_in_the_error()
    {
        var files = ShippedPolicy.CopyOfFiles();
        files.Remove("templates/letters/en/route-via-mlat.md");
        files.Remove("templates/letters/es/route-via-mlat.md");
        var policy = PolicySet.Parse(files);
        var ex = Assert.Throws<TemplateException>(() => LetterComposer.Compose(policy, LetterKind.RouteViaMlat, "es", Models.FullLetter()));
        Assert.Contains("letters/en/route-via-mlat.md", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_placeholder_in_a_shipped_template_is_named_with_the_template()
    {
        var files = ShippedPolicy.CopyOfFiles();
        files["templates/letters/en/comply.md"] = "Subject: Test\n\n{{#if officer}}Dear {{offiser}},{{/if}}\n";
        var policy = PolicySet.Parse(files);
        var ex = Assert.Throws<TemplateException>(() => LetterComposer.Compose(policy, LetterKind.Comply, "en", Models.SparseLetter()));
        Assert.Contains("'offiser'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("letters/en/comply.md", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_a_subject_line_is_refused()
    {
        var files = ShippedPolicy.CopyOfFiles();
        files["templates/notices/en/user-notice.md"] = "Hello {{operatorName}}\n";
        var policy = PolicySet.Parse(files);
        var ex = Assert.Throws<TemplateException>(() => NoticeComposer.Compose(policy, "en", Models.FullNotice()));
        Assert.Contains("Subject:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Recommendation.Disclose, 2, 2, LetterKind.Comply)]
    [InlineData(Recommendation.Disclose, 3, 1, LetterKind.Partial)]
    [InlineData(Recommendation.Disclose, 2, 0, LetterKind.Rejection)]
    [InlineData(Recommendation.DiscloseNarrowed, 3, 1, LetterKind.Partial)]
    [InlineData(Recommendation.DiscloseNarrowed, 2, 2, LetterKind.Partial)]
    [InlineData(Recommendation.DiscloseNarrowed, 2, 0, LetterKind.Rejection)]
    [InlineData(Recommendation.Preserve, 3, 0, LetterKind.Preservation)]
    [InlineData(Recommendation.RestrictInJurisdiction, 0, 0, LetterKind.Comply)]
    [InlineData(Recommendation.RequestClarification, 2, 0, LetterKind.Clarification)]
    [InlineData(Recommendation.VerifyRequester, 2, 0, LetterKind.VerificationRequest)]
    [InlineData(Recommendation.RouteViaMlat, 1, 0, LetterKind.RouteViaMlat)]
    [InlineData(Recommendation.Challenge, 0, 0, LetterKind.Challenge)]
    [InlineData(Recommendation.Reject, 2, 0, LetterKind.Rejection)]
    public void Kind_follows_the_decision_and_what_is_disclosed(Recommendation decision, int requested, int allowed, LetterKind expected) =>
        Assert.Equal(expected, LetterComposer.KindFor(decision, requested, allowed));

    [Fact]
    public void A_decision_cannot_disclose_more_than_the_demand_asked_for()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("03-us-subpoena-overbroad");
        var ex = Assert.Throws<ArgumentException>(() => LetterModel.From(demand, assessment, Recommendation.Disclose, ShippedPolicy.Policy, Today,
            new DecidedScope([DataCategory.SubscriberInfo, DataCategory.Contacts])));
        Assert.Contains("contacts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_to_disclose_against_a_refusal_must_say_what_is_disclosed()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("09-keyword-and-location-dump");
        Assert.Throws<ArgumentException>(() => LetterModel.From(demand, assessment, Recommendation.Disclose, ShippedPolicy.Policy, Today));
        var narrowed = LetterModel.From(demand, assessment, Recommendation.Disclose, ShippedPolicy.Policy, Today, new DecidedScope([demand.DataCategories[0]]));
        Assert.Equal([demand.DataCategories[0]], narrowed.DisclosedCategories);
    }

    [Fact]
    public void Staff_can_narrow_a_restriction_but_not_extend_it_beyond_what_was_asked()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("15-russia-lgbt-propaganda");
        Assert.Throws<ArgumentException>(() => LetterModel.From(demand, assessment, Recommendation.RestrictInJurisdiction, ShippedPolicy.Policy, Today,
            new DecidedScope(Territories: ["RU", "BY"])));
    }
}
