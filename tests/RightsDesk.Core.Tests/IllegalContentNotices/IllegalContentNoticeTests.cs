using System.Text.Json;
using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Core.Tests.IllegalContentNotices;

/// <summary>The notice reader (by JSON path and by form field), the campaign thresholds, the targets counted and the
/// queue's order.</summary>
public sealed class IllegalContentNoticeTests
{
    private static IllegalContentNotice Api(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return IllegalContentNoticeReader.Read(doc.RootElement);
    }

    [Fact]
    public void A_good_notice_is_read_with_its_items_deduplicated_and_its_contact()
    {
        var n = Api("""{"content":["https://social.example/@a/1"," https://social.example/@a/1","post-77"],"explanation":"It threatens a named person with death.","law":"StGB § 241","notifierName":"Mira","notifierEmail":"mira@mail.example","goodFaith":true,"language":"de"}""".Replace("\"de\"", "\"fr\"", StringComparison.Ordinal));
        Assert.Equal(["https://social.example/@a/1", "post-77"], n.Content);
        Assert.Equal("StGB § 241", n.Law);
        Assert.True(n.HasContact);
        Assert.Equal("fr", n.Language);
    }

    [Fact]
    public void Every_bad_field_is_named_by_its_path()
    {
        var e = Assert.Throws<ValidationFailedException>(() => Api("""{"content":["https://ok.example/1","two words",3],"explanation":"short","notifierEmail":"nope","language":"de","other":1}"""));
        var paths = e.Errors.Select(x => x.Field).ToHashSet();
        Assert.Equal(new HashSet<string> { "content[1]", "content[2]", "explanation", "notifierEmail", "goodFaith", "language", "other" }, paths);
        Assert.Contains(e.Errors, x => x.Field == "goodFaith" && x.Message.Contains("Art. 16(2)(d)", StringComparison.Ordinal));
    }

    [Fact]
    public void No_content_and_more_than_fifty_items_are_refused()
    {
        Assert.Contains(Assert.Throws<ValidationFailedException>(() => Api("""{"explanation":"A long enough explanation.","goodFaith":true}""")).Errors, x => x.Field == "content");
        var many = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"https://x.example/{i}\""));
        Assert.Contains(Assert.Throws<ValidationFailedException>(() => Api($$"""{"content":[{{many}}],"explanation":"A long enough explanation.","goodFaith":true}""")).Errors,
            x => x.Field == "content" && x.Message.Contains("50", StringComparison.Ordinal));
    }

    [Fact]
    public void The_form_names_its_fields_with_keys_of_the_public_texts()
    {
        var e = Assert.Throws<ValidationFailedException>(() => IllegalContentNoticeReader.Read(new NoticeForm("javascript:alert(1)\nfine-id", "", null, null, "x@", false, "ar")));
        Assert.Equal(["content", "explanation", "email", "goodFaith"], e.Errors.Select(x => x.Field));
        Assert.Equal(["notice.error.content", "notice.error.explanation", "notice.error.email", "notice.error.goodFaith"], e.Errors.Select(x => x.Message));
        var ok = IllegalContentNoticeReader.Read(new NoticeForm("https://a.example/1\r\n\r\nhttps://a.example/2", "This is hate speech against refugees.", " ", "", "", true, "ar"));
        Assert.Equal(2, ok.Content.Count);
        Assert.False(ok.HasContact);
        Assert.Null(ok.Law);
    }

    [Theory]
    [InlineData("https://social.example/@amina/1100", "@amina@social.example")]
    [InlineData("https://Social.Example/@Amina", "@amina@social.example")]
    [InlineData("https://social.example/users/amina/statuses/9", "@amina@social.example")]
    [InlineData("@amina@social.example", "@amina@social.example")]
    [InlineData("https://news.example/2026/03/story", null)]
    [InlineData("post-77", null)]
    public void A_post_counts_against_its_account(string item, string? account) => Assert.Equal(account, NoticeTargets.Account(item));

    [Fact]
    public void The_registry_lowers_the_campaign_threshold()
    {
        var policy = new NoticeCampaignPolicy();
        Assert.False(policy.IsCampaign(9, atRisk: false));
        Assert.True(policy.IsCampaign(10, atRisk: false));
        Assert.False(policy.IsCampaign(2, atRisk: true));
        Assert.True(policy.IsCampaign(3, atRisk: true));
        Assert.Throws<Policy.PolicyException>(() => new NoticeCampaignPolicy(3, 5).Validate());
    }

    [Fact]
    public void Trusted_flaggers_come_first_then_the_oldest()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var queue = new List<QueuedNotice>
        {
            new(NoticeSource.Notifier, t0.AddHours(2)), new(NoticeSource.TrustedFlagger, t0.AddHours(3)), new(NoticeSource.ReportingFlow, t0),
            new(NoticeSource.TrustedFlagger, t0.AddHours(1)),
        };
        queue.Sort(NoticeQueueOrder.Compare);
        Assert.Equal([NoticeSource.TrustedFlagger, NoticeSource.TrustedFlagger, NoticeSource.ReportingFlow, NoticeSource.Notifier], queue.Select(q => q.Source));
        Assert.Equal(t0.AddHours(1), queue[0].ReceivedAt);
    }
}
