using RightsDesk.Core.Assessment;
using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Tests.Letters;

public sealed class NoticeTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("10-dsa-article-10-order")]
    [InlineData("02-us-search-warrant-with-gag")]
    [InlineData("07-germany-section-130-court-order")]
    [InlineData("12-us-preservation-request")]
    public void The_notice_names_the_authority_the_law_and_where_to_appeal_in_every_language(string example)
    {
        var (demand, assessment) = ShippedPolicy.Assessed(example);
        var model = NoticeModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, Today, "https://example.org/appeals");
        foreach (var language in TemplateCatalogueTests.NoticeLanguages)
        {
            var notice = NoticeComposer.Compose(ShippedPolicy.Policy, language, model);
            Assert.Contains(demand.Authority.Name, notice.BodyMarkdown, StringComparison.Ordinal);
            Assert.Contains(demand.LegalBasis!, notice.BodyMarkdown, StringComparison.Ordinal);
            Assert.Contains("https://example.org/appeals", notice.BodyMarkdown, StringComparison.Ordinal);
            Assert.Contains("Access Now", notice.BodyMarkdown, StringComparison.Ordinal);
            if (demand.Redress is { } redress)
            {
                Assert.Contains(redress, notice.BodyMarkdown, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_appeal_contact_defaults_to_the_operator_contact()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("01-us-search-warrant");
        var model = NoticeModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, Today);
        Assert.Equal("legal@example.org", model.AppealContact);
    }

    [Fact]
    public void A_notice_without_any_appeal_contact_is_refused()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("01-us-search-warrant");
        var op = ShippedPolicy.Policy.Operator with { ContactEmail = null };
        var profile = ShippedPolicy.Policy.ProfileFor("US");
        Assert.Throws<ArgumentException>(() => NoticeModel.From(demand, assessment, assessment.Recommendation, op, Today, profile));
    }

    [Fact]
    public void A_gagged_demand_tells_the_user_the_order_delayed_the_notice()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("02-us-search-warrant-with-gag");
        var model = NoticeModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, new DateOnly(2026, 9, 3));
        Assert.True(model.DelayedByNonDisclosure);
        var body = NoticeComposer.Compose(ShippedPolicy.Policy, "en", model).BodyMarkdown;
        Assert.Contains("ordered us not to tell you about this demand until 2026-09-02", body, StringComparison.Ordinal);
        Assert.Contains("content of messages, posts and files", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_demand_tells_the_user_nothing_was_handed_over()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("08-turkey-insulting-the-president");
        var model = NoticeModel.From(demand, assessment, Recommendation.Challenge, ShippedPolicy.Policy, Today);
        var body = NoticeComposer.Compose(ShippedPolicy.Policy, "en", model).BodyMarkdown;
        Assert.Contains("We did not give the authority any information about you, and we did not restrict your content.", body, StringComparison.Ordinal);
        Assert.Contains("everywhere (worldwide)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preserved_account_is_told_that_keeping_a_copy_is_not_handing_it_over()
    {
        var (demand, assessment) = ShippedPolicy.Assessed("12-us-preservation-request");
        var model = NoticeModel.From(demand, assessment, assessment.Recommendation, ShippedPolicy.Policy, Today);
        var body = NoticeComposer.Compose(ShippedPolicy.Policy, "en", model).BodyMarkdown;
        Assert.Contains("Keeping a copy is not handing it over", body, StringComparison.Ordinal);
        Assert.DoesNotContain("We did not give the authority any information", body, StringComparison.Ordinal);
    }
}
