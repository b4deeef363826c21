using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>
/// The assessment's sentences and the letters' sentences name data categories, legal processes, channels and target
/// types in the desk's one vocabulary (the labels), never by the names they are stored under.
/// </summary>
public sealed partial class OneVocabularyTests
{
    /// <summary>Stored names a reader would notice: the camel-cased ones ("subscriberInfo", "searchWarrant").</summary>
    private static readonly string[] StoredNames =
        Names<DataCategory>().Concat(Names<LegalProcess>()).Concat(Names<Channel>()).Concat(Names<TargetType>())
            .Concat(Names<Recommendation>()).Concat(Names<DemandState>())
            .Where(n => n.Any(char.IsUpper)).Distinct(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => JsonNames.Of(v));

    private static IEnumerable<string> RawNamesIn(string text) =>
        StoredNames.Where(n => Regex.IsMatch(text, $@"\b{n}\b", RegexOptions.CultureInvariant));

    [Fact]
    public void Staff_reasons_of_every_assessment_say_values_in_words()
    {
        var failures = new List<string>();
        foreach (var (name, _, result) in AuthoritySentenceTests.Assessments())
        {
            var texts = result.Findings.Select(f => f.Reason)
                .Append(result.RecommendationReason).Append(result.UserNotice.Reason).Append(result.Escalation.Reason ?? "");
            failures.AddRange(texts.SelectMany(t => RawNamesIn(t).Select(n => $"{name}: '{n}' in \"{t}\"")));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void The_narrowed_recommendation_names_what_may_be_disclosed_by_its_label()
    {
        var (_, result) = ShippedPolicy.Assessed("03-us-subpoena-overbroad");
        var words = DeskWords.For(ShippedPolicy.Policy);

        Assert.Equal(Recommendation.DiscloseNarrowed, result.Recommendation);
        Assert.StartsWith("Disclose only " + words.List(result.AllowedDataCategories) + ";", result.RecommendationReason, StringComparison.Ordinal);
        Assert.Contains("basic subscriber information", result.RecommendationReason, StringComparison.Ordinal);
        Assert.DoesNotContain("subscriberInfo", result.RecommendationReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_in_every_language_name_values_in_words()
    {
        var failures = new List<string>();
        foreach (var language in TemplateCatalogueTests.LetterLanguages)
        {
            var say = Vocabulary.For(ShippedPolicy.Policy, language).Sentences;
            foreach (var (name, _, result) in AuthoritySentenceTests.Assessments())
            {
                foreach (var finding in result.Findings.Where(LetterModel.IsForAuthority))
                {
                    var text = say.Say(LetterReason.Of(finding));
                    failures.AddRange(RawNamesIn(text).Select(n => $"{language} {name} {finding.Code}: '{n}' in \"{text}\""));
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("en", "a restriction does not rest on a no legal process")]
    [InlineData("es", "el procedimiento «ningún procedimiento legal»")]
    [InlineData("fr", "aucun acte juridique")]
    public void A_legal_process_is_its_label_never_the_sentence_of_a_finding_with_the_same_name(string language, string says)
    {
        // "legalProcess.none" is both a finding's code (a sentence) and a legal process (a label).
        var reason = new LetterReason(FindingCodes.LegalProcessRestrictionInsufficient, "legalProcess",
            new Dictionary<string, string> { ["country"] = "Utopia", ["process"] = "none", ["needed"] = "courtOrder" }, "GNI");

        var text = Vocabulary.For(ShippedPolicy.Policy, language).Sentences.Say(reason);

        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Vocabulary.Read(ShippedPolicy.Policy, FindingSentences.PathFor(language))!["legalProcess.none"], text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_a_translation_lacks_is_said_in_english_not_by_its_stored_name()
    {
        var files = ShippedPolicy.CopyOfFiles();
        var spanish = JsonNode.Parse(files["templates/labels/es.json"])!.AsObject();
        spanish.Remove("dataCategory.trafficMetadata");
        files["templates/labels/es.json"] = spanish.ToJsonString();
        var reason = new LetterReason(FindingCodes.LegalProcessInsufficientForSome, "legalProcess",
            new Dictionary<string, string> { ["country"] = "Utopia", ["process"] = "subpoena", ["categories"] = "trafficMetadata,content" }, "GNI");

        var text = Vocabulary.For(PolicySet.Parse(files), "es").Sentences.Say(reason);

        Assert.Contains("traffic data (who communicated with whom, and when, without the content)", text, StringComparison.Ordinal);
        Assert.Contains("contenido de mensajes, publicaciones y archivos", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trafficMetadata", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_types_only_staff_labels_carry_are_said_in_the_letters_language()
    {
        var reason = new LetterReason(FindingCodes.ProportionalityNotIndividualised, "proportionality",
            new Dictionary<string, string> { ["selectors"] = "hashtag,keyword", ["count"] = "2" }, "ICCPR");

        var english = Vocabulary.For(ShippedPolicy.Policy, "en").Sentences.Say(reason);
        var spanish = Vocabulary.For(ShippedPolicy.Policy, "es").Sentences.Say(reason);

        Assert.Contains("hashtag, keyword", english, StringComparison.Ordinal);
        Assert.Contains("hashtag, palabra clave", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_check_has_a_name_on_the_desk()
    {
        var words = DeskWords.For(ShippedPolicy.Policy);
        var checks = AuthoritySentenceTests.Assessments().SelectMany(a => a.Result.Findings.Select(f => f.Check)).Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(11, checks.Count);
        Assert.Empty(checks.Where(c => words.Check(c) == c).Select(c => "no name: " + c));
        Assert.Equal("Legal process", words.Check("legalProcess"));
    }

    [Theory]
    [InlineData("DemandCreated", "Demand created")]
    [InlineData("NoticeDeadLettered", "Notice dead lettered")]
    [InlineData("DsaOrderExported", "Dsa order exported")]
    [InlineData("LetterReadPDF", "Letter read PDF")]
    public void A_ledger_event_reads_as_words_on_the_desk(string name, string words) =>
        Assert.Equal(words, DeskWords.Event(name));
}
