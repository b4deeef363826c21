using RightsDesk.Core.Assessment;
using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>The shipped templates themselves: complete, well-formed and translated.</summary>
public sealed class TemplateCatalogueTests
{
    public static readonly string[] LetterLanguages = ["en", "es", "fr"];
    public static readonly string[] NoticeLanguages = ["en", "es", "fr", "ar", "ru", "tr", "fa", "zh"];

    public static TheoryData<string> LetterTemplates() =>
        [.. ShippedPolicy.Policy.Templates.Keys.Where(k => k.StartsWith("letters/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> NoticeTemplates() =>
        [.. ShippedPolicy.Policy.Templates.Keys.Where(k => k.StartsWith("notices/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(LetterTemplates))]
    public void Every_letter_template_renders_with_a_full_and_an_empty_model(string path)
    {
        var language = path.Split('/')[1];
        var words = Vocabulary.For(ShippedPolicy.Policy, language);
        var text = ShippedPolicy.Policy.Templates[path];
        foreach (var decision in Enum.GetValues<Recommendation>())
        {
            foreach (var model in new[] { Models.FullLetter(decision), Models.SparseLetter(decision) })
            {
                var (subject, body) = Composition.Render(path, text, LetterComposer.Values(model, words));
                AssertClean(path, subject, body);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NoticeTemplates))]
    public void Every_notice_template_renders_with_a_full_and_an_empty_model(string path)
    {
        var language = path.Split('/')[1];
        var words = Vocabulary.For(ShippedPolicy.Policy, language);
        var text = ShippedPolicy.Policy.Templates[path];
        foreach (var decision in Enum.GetValues<Recommendation>())
        {
            foreach (var model in new[] { Models.FullNotice(decision), Models.SparseNotice(decision) })
            {
                var (subject, body) = Composition.Render(path, text, NoticeComposer.Values(model, words));
                AssertClean(path, subject, body);
                Assert.Contains("appeals@example.org", body, StringComparison.Ordinal);
                Assert.Contains("accessnow.org", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_letter_kind_has_a_template_in_english_spanish_and_french()
    {
        var missing = (from language in LetterLanguages
                       from kind in Enum.GetValues<LetterKind>()
                       let path = LetterComposer.TemplatePath(kind, language)
                       where !ShippedPolicy.Policy.Templates.ContainsKey(path)
                       select path).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_letter_template_is_named_after_a_letter_kind()
    {
        var names = Enum.GetValues<LetterKind>().Select(k => LetterComposer.FileName(k) + ".md").ToHashSet(StringComparer.Ordinal);
        var strays = ShippedPolicy.Policy.Templates.Keys
            .Where(k => k.StartsWith("letters/", StringComparison.Ordinal) && !names.Contains(k.Split('/')[^1]))
            .ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void The_user_notice_exists_in_every_shipped_language()
    {
        var missing = NoticeLanguages.Where(l => !ShippedPolicy.Policy.Templates.ContainsKey(NoticeComposer.TemplatePath(l))).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    public void Arabic_and_persian_notices_are_written_in_arabic_script(string language)
    {
        var text = ShippedPolicy.Policy.Templates[NoticeComposer.TemplatePath(language)];
        var arabicLetters = text.Count(c => c is >= '\u0600' and <= '\u06FF');
        Assert.True(arabicLetters > 500, $"{language}: only {arabicLetters} Arabic-script letters");
    }

    [Fact]
    public void Persian_notice_uses_persian_letters()
    {
        // Persian ی and ک differ from Arabic ي and ك; a Persian reader notices the wrong ones at once.
        var text = ShippedPolicy.Policy.Templates[NoticeComposer.TemplatePath("fa")];
        Assert.Contains('\u06CC', text);
        Assert.DoesNotContain('\u064A', text);
        Assert.DoesNotContain('\u0643', text);
    }

    [Fact]
    public void Every_language_with_a_template_has_labels_with_every_english_key()
    {
        // The desk is in English: the families only staff read are not translated (DeskWords.StaffFamilies).
        var english = Vocabulary.Read(ShippedPolicy.Policy, Vocabulary.PathFor("en"))!
            .Where(l => !DeskWords.StaffFamilies.Contains(l.Key.Split('.')[0])).ToDictionary();
        var languages = ShippedPolicy.Policy.Templates.Keys
            .Where(k => k.StartsWith("letters/", StringComparison.Ordinal) || k.StartsWith("notices/", StringComparison.Ordinal))
            .Select(k => k.Split('/')[1])
            .Distinct(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var labels = Vocabulary.Read(ShippedPolicy.Policy, Vocabulary.PathFor(language))?
                .Where(l => !DeskWords.StaffFamilies.Contains(l.Key.Split('.')[0])).ToDictionary();
            Assert.True(labels is not null, $"labels/{language}.json is missing");
            Assert.Empty(english.Keys.Except(labels.Keys).Select(k => $"{language}: {k}"));
            Assert.Empty(labels.Keys.Except(english.Keys).Select(k => $"{language}: unknown {k}"));
            Assert.DoesNotContain(labels, l => string.IsNullOrWhiteSpace(l.Value));
            Assert.Contains("{count}", labels["targets.many"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void English_labels_name_every_enum_value_the_templates_print()
    {
        var words = Vocabulary.For(ShippedPolicy.Policy, "en");
        foreach (var v in Enum.GetValues<Demands.DataCategory>()) { Assert.NotEmpty(words.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.LegalProcess>()) { Assert.NotEmpty(words.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.DemandKind>()) { Assert.NotEmpty(words.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.RestrictionAction>()) { Assert.NotEmpty(words.Of(v)); }
        foreach (var v in Enum.GetValues<Recommendation>()) { Assert.NotEmpty(words.Of(v)); }
    }

    [Fact]
    public void The_desk_has_words_for_every_state_action_and_type_it_shows()
    {
        var desk = DeskWords.For(ShippedPolicy.Policy);
        Assert.Equal("received, to assess", desk.Of(Demands.DemandState.Received));
        Assert.Equal("waiting for clarification from the authority", desk.Of(Demands.DemandState.ClarificationRequested));
        Assert.Equal("account 1", desk.Target(Demands.TargetType.Account, 0));
        foreach (var v in Enum.GetValues<Demands.DemandState>()) { Assert.DoesNotContain(desk.Of(v), char.IsUpper); Assert.NotEmpty(desk.NextStep(v)); }
        foreach (var v in Enum.GetValues<Demands.WorkflowAction>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.Channel>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.AuthorityType>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var v in Enum.GetValues<Demands.TargetType>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var v in Enum.GetValues<NoticePlan>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var v in Enum.GetValues<FindingOutcome>()) { Assert.NotEmpty(desk.Of(v)); }
        foreach (var role in Security.Roles.Staff) { Assert.NotEmpty(desk.Role(role)); }
    }

    private static void AssertClean(string path, string subject, string body)
    {
        Assert.False(string.IsNullOrWhiteSpace(subject), path + ": empty subject");
        Assert.DoesNotContain("{{", subject + body, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", subject + body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject:", body, StringComparison.Ordinal);
    }
}
