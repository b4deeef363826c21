using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Originals;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Originals;

/// <summary>
/// Published originals of takedown demands: what each tier of the shipped rule table takes out of a demand's own
/// words and what it keeps, the file's header and redaction list, and a rule table that would leak refused.
/// </summary>
public sealed class TakedownOriginalTests
{
    private const string Words = """
        The user Ms Jana Novak (@jana_novak@social.example, jana.novak@mail.example, +44 20 7946 0958) posted on
        2026-03-14 a message inciting hatred. Novak repeated it at https://social.example/@jana_novak/11223344 and
        https://social.example/p/99120455. Under case 27 O 112/25, contact Referentin M. Vogel at m.vogel@bfj.bund.example.
        """;

    private static OriginalsPolicy Rules => Repo.Policy.Originals!;

    private static Demand Takedown(string words, NonDisclosure? gag = null) => new()
    {
        Kind = DemandKind.ContentRestriction,
        ReceivedAt = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero),
        Channel = Channel.Post,
        Authority = new Authority("Bundesamt für Justiz", CountryCode.Parse("DE"), AuthorityType.Regulator, "Referentin M. Vogel", "m.vogel@bfj.bund.example", true, Reference: "27 O 112/25"),
        LegalProcess = LegalProcess.AdministrativeOrder,
        LegalBasis = "§ 3 NetzDG; complaint of lena.hoffmann@example.org",
        StatementOfReasons = words,
        Targets = [new Target(TargetType.Url, "https://social.example/p/99120455"), new Target(TargetType.Account, "@jana_novak@social.example")],
        Restriction = new Restriction(RestrictionAction.Remove, ["DE"]),
        NonDisclosure = gag,
        Document = new DocumentFacts(true, true, true),
    };

    private static readonly Decision Restricted =
        new(Recommendation.RestrictInJurisdiction, "rita@desk.example", new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero), null, false, [], [0], ["DE"], 1);

    private static PublishedOriginal Build(OriginalTier tier) => TakedownOriginal.Build(Takedown(Words), Restricted, "RD-2026-000042", tier, Rules, "Example Social");

    [Fact]
    public void The_public_tier_takes_out_the_phone_the_address_the_handle_and_the_name_and_keeps_the_case_number()
    {
        var md = Build(OriginalTier.Public).Markdown;
        foreach (var gone in new[] { "7946", "jana.novak@", "@jana_novak", "Jana", "Novak", "Vogel", "bfj.bund", "lena.hoffmann" })
        {
            Assert.DoesNotContain(gone, md, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("The user Ms [redacted: name] ([redacted: account], [redacted: email], [redacted: phone]) posted on\n2026-03-14", md, StringComparison.Ordinal);
        Assert.Contains("[redacted: name] repeated it at [redacted: account] and\nhttps://social.example/p/99120455.", md, StringComparison.Ordinal);
        Assert.True(md.Contains("Under case 27 O 112/25, contact [redacted: official] at [redacted: email].", StringComparison.Ordinal), md);
        Assert.Contains("| Case number | 27 O 112/25 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_researcher_tier_keeps_the_officials_name_and_contact_and_still_redacts_the_private_person()
    {
        var md = Build(OriginalTier.Researcher).Markdown;
        Assert.Contains("contact Referentin M. Vogel at m.vogel@bfj.bund.example.", md, StringComparison.Ordinal);
        Assert.Contains("| Signed by | Referentin M. Vogel |", md, StringComparison.Ordinal);
        foreach (var gone in new[] { "7946", "jana", "novak", "lena.hoffmann" })
        {
            Assert.DoesNotContain(gone, md, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("27 O 112/25", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_has_the_header_the_items_and_a_redaction_list_by_kind_and_rule()
    {
        var o = Build(OriginalTier.Public);
        Assert.Equal("DE/2026/2026-05-02-rd-2026-000042.md", o.Path);
        var md = o.Markdown;
        Assert.StartsWith("# Bundesamt für Justiz (DE): RD-2026-000042\n", md, StringComparison.Ordinal);
        Assert.Contains("| Authority | Bundesamt für Justiz (regulator, DE) |", md, StringComparison.Ordinal);
        Assert.Contains("| Legal ground | § 3 NetzDG; complaint of [redacted: email] |", md, StringComparison.Ordinal);
        Assert.Contains("| Date received | 2026-05-02 |", md, StringComparison.Ordinal);
        Assert.Contains("| What was done | Example Social restricted it in DE (as asked). |", md, StringComparison.Ordinal);
        Assert.Contains("- url: `https://social.example/p/99120455`", md, StringComparison.Ordinal);
        Assert.Contains("- account: `[redacted: account]`", md, StringComparison.Ordinal);

        var list = o.Redactions.ToDictionary(r => $"{JsonNames.Of(r.Kind)}:{r.Rule}", r => r.Count);
        Assert.Equal(2, list["email:email-address"]);
        Assert.Equal(1, list["phone:phone-number"]);
        Assert.Equal(2, list["account:account-target"]);
        Assert.Equal(1, list["account:account-url"]);
        Assert.Equal(1, list["name:person-title"]);
        Assert.Equal(1, list["name:name-from-identifier"]);
        Assert.Equal(1, list["official:official-name"]);
        Assert.Equal(1, list["email:official-contact"]);
        Assert.Contains("| phone | phone-number | 1 | A phone number identifies a person. |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_the_authority_wrote_becomes_markup()
    {
        var o = TakedownOriginal.Build(Takedown("Close the fence\n~~~\n<script>alert(1)</script> [click](https://evil.example)"), Restricted, "RD-1", OriginalTier.Public, Rules, "Example Social");
        Assert.Contains("~~~~text\nClose the fence\n~~~\n<script>", o.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n~~~~\n", o.Markdown, StringComparison.Ordinal);
        Assert.Equal(@"a \| b \<i\> \*x\* [x]\(y)", TakedownOriginal.Inline("a | b <i> *x* [x](y)"));
    }

    [Fact]
    public void The_indexes_list_each_country_and_year_and_say_how_many_are_held()
    {
        var o = Build(OriginalTier.Public);
        var files = OriginalsIndex.Build([o], OriginalTier.Public, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2);
        Assert.Equal(["DE/2026/index.md", "index.md"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("| DE | [2026](DE/2026/index.md) | 1 |", files["index.md"], StringComparison.Ordinal);
        Assert.Contains("2 demands are not published while a non-disclosure order binds", files["index.md"], StringComparison.Ordinal);
        Assert.Contains("| 2026-05-02 | Bundesamt für Justiz | Example Social restricted it in DE (as asked). | [2026-05-02-rd-2026-000042.md](2026-05-02-rd-2026-000042.md) |", files["DE/2026/index.md"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\": \"phone-number\", \"finds\": \"A phone number, read by libphonenumber in the authority's and the measure's countries.\",\n      \"reason\": \"A phone number identifies a person.\",\n      \"public\": \"redact\", \"researcher\": \"redact\"",
        "\"id\": \"phone-number\", \"finds\": \"x\", \"reason\": \"y\", \"public\": \"redact\", \"researcher\": \"keep\"", "neither tier may keep")]
    [InlineData("\"id\": \"person-title\"", "\"id\": \"person-titles\"", "no row for 'person-title'")]
    public void A_rule_table_that_would_leak_or_miss_a_rule_is_refused(string find, string replace, string message)
    {
        var ex = Assert.Throws<PolicyException>(() => Repo.LoadPolicy(Repo.PolicyDir, (rel, text) => rel == "originals.json" ? text.Replace(find, replace, StringComparison.Ordinal) : text));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
