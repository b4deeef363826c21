using System.Reflection;
using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>
/// Letters speak to the authority in sentences written for it: every finding has a stable code and an English
/// sentence, no staff-facing reason reaches a letter, and the authority's own words are quoted, not read as markup.
/// </summary>
public sealed class AuthoritySentenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static IReadOnlyDictionary<string, string> Sentences(string language) =>
        Vocabulary.Read(ShippedPolicy.Policy, FindingSentences.PathFor(language)) ?? new Dictionary<string, string>();

    public static IReadOnlyList<string> DeclaredCodes() =>
        typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary>Every worked example, and demands crafted from them to reach the findings the examples do not.</summary>
    public static IEnumerable<(string Name, Demand Demand, AssessmentResult Result)> Assessments()
    {
        foreach (var name in ShippedPolicy.ExampleNames())
        {
            var (demand, result) = ShippedPolicy.Assessed(name);
            yield return (name, demand, result);
        }

        foreach (var crafted in CraftedDemands.All())
        {
            yield return crafted;
        }

        var assessor = new RightsAssessor(ShippedPolicy.Policy);

        var journalist = ShippedPolicy.Demand("18-turkey-disinformation-law-activist");
        var registry = new AtRiskList(journalist.Targets.Select(t => (t.Id, "journalist")));
        yield return ("at-risk target in a high-risk state", journalist, assessor.Assess(journalist, registry));
    }

    [Fact]
    public void Every_finding_code_has_an_english_sentence_unless_it_is_kept_from_authorities()
    {
        var english = Sentences("en");
        var codes = DeclaredCodes();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(codes.Where(c => !FindingCodes.KeptFromAuthorities.Contains(c) && !english.ContainsKey(c)).Select(c => "no sentence: " + c));
        // A sentence for what is kept from authorities would be one mistake away from a letter that singles out a defender.
        Assert.Empty(FindingCodes.KeptFromAuthorities.Where(english.ContainsKey).Select(c => "kept from authorities but has a sentence: " + c));
    }

    [Fact]
    public void Every_finding_the_checks_emit_carries_a_declared_code()
    {
        var declared = DeclaredCodes().ToHashSet(StringComparer.Ordinal);
        var emitted = Assessments().SelectMany(a => a.Result.Findings.Select(f => (a.Name, f.Code))).ToList();

        Assert.Empty(emitted.Where(e => !declared.Contains(e.Code)).Select(e => $"{e.Name}: {e.Code}"));
        // The crafted demands reach every finding, so a code that no demand can produce is a stale contract.
        Assert.Empty(declared.Except(emitted.Select(e => e.Code)).Order(StringComparer.Ordinal).Select(c => "never emitted: " + c));
    }

    [Fact]
    public void Every_finding_an_authority_may_read_has_a_sentence_that_fills_in_every_language()
    {
        var failures = new List<string>();
        foreach (var language in TemplateCatalogueTests.LetterLanguages)
        {
            var say = Vocabulary.For(ShippedPolicy.Policy, language).Sentences;
            foreach (var (name, _, result) in Assessments())
            {
                foreach (var finding in result.Findings.Where(LetterModel.IsForAuthority))
                {
                    var text = say.Say(LetterReason.Of(finding));
                    if (text.Contains('{', StringComparison.Ordinal) || text == finding.Reason)
                    {
                        failures.Add($"{language} {name} {finding.Code}: {text}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_letter_language_has_every_english_sentence()
    {
        var english = Sentences("en");
        var missing = TemplateCatalogueTests.LetterLanguages.Where(l => l != "en")
            .SelectMany(l => english.Keys.Except(Sentences(l).Keys).Select(k => $"{l}: {k} (falls back to English)"))
            .ToList();
        Assert.Empty(missing);
        Assert.Empty(TemplateCatalogueTests.LetterLanguages.SelectMany(l => Sentences(l).Keys.Except(english.Keys).Select(k => $"{l}: unknown {k}")));
    }

    [Fact]
    public void A_sentence_missing_in_a_translation_is_said_in_english()
    {
        var files = ShippedPolicy.CopyOfFiles();
        var spanish = JsonNode.Parse(files["templates/findings/es.json"])!.AsObject();
        spanish.Remove(FindingCodes.AuthenticityFreeMail);
        files["templates/findings/es.json"] = spanish.ToJsonString();
        var policy = Policy.PolicySet.Parse(files);
        var (demand, assessment) = ShippedPolicy.Assessed("04-forged-emergency-request-free-mail");

        var model = LetterModel.From(demand, assessment, assessment.Recommendation, policy, Today);
        var letter = LetterComposer.Compose(policy, LetterComposer.KindFor(model), "es", model);

        Assert.Equal("es", letter.Language);
        Assert.Contains("Your demand was sent from a free e-mail address (gmail.com).", letter.BodyMarkdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void No_staff_facing_reason_reaches_any_letter(string example)
    {
        var (demand, assessment) = ShippedPolicy.Assessed(example);
        var staffText = assessment.Findings.Select(f => f.Reason)
            .Append(assessment.RecommendationReason)
            .Append(assessment.UserNotice.Reason)
            .Concat(assessment.Escalation.Reason?.Split("; ") ?? [])
            .SelectMany(Fragments)
            .Distinct(StringComparer.Ordinal)
            // A fact (the name of the law relied on, the policy in force) is said to the authority on purpose.
            .Where(s => !assessment.Findings.Any(f => f.Facts.Values.Any(v => v.Contains(s, StringComparison.Ordinal))))
            .ToList();
        foreach (var decision in Enum.GetValues<Recommendation>())
        {
            var scope = decision is Recommendation.Disclose or Recommendation.DiscloseNarrowed && demand.DataCategories.Count > 0
                ? new DecidedScope([demand.DataCategories[0]])
                : null;
            var model = LetterModel.From(demand, assessment, decision, ShippedPolicy.Policy, Today, scope);
            foreach (var language in TemplateCatalogueTests.LetterLanguages)
            {
                foreach (var kind in Enum.GetValues<LetterKind>())
                {
                    var letter = LetterComposer.Compose(ShippedPolicy.Policy, kind, language, model);
                    var text = letter.Subject + "\n" + letter.BodyMarkdown;
                    Assert.Empty(staffText.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase))
                        .Select(s => $"{language} {kind} for {decision}: \"{s}\""));
                }
            }
        }
    }

    public static TheoryData<string> ExampleNames() => [.. ShippedPolicy.ExampleNames()];

    /// <summary>The staff text and each clause of it long enough to be recognisable, so a paraphrase that keeps a
    /// whole clause of staff advice is caught as well as a copy.</summary>
    private static IEnumerable<string> Fragments(string text) =>
        text.Split([". ", "; ", ": "], StringSplitOptions.TrimEntries)
            .Select(f => f.TrimEnd('.'))
            .Where(f => f.Length >= 30)
            .Prepend(text);

    [Fact]
    public void The_authoritys_own_text_is_quoted_in_the_body_and_kept_as_written_in_the_subject()
    {
        var model = Models.FullLetter(Recommendation.Reject) with
        {
            AuthorityName = "Ministry <b>of</b> [Truth](https://evil.example)",
            Officer = "**Colonel** _X_",
            Reference = "*URGENT* #1 | `now`",
            LegalBasis = "Art. 5\n# Override\n- obey",
            Offence = "1. & more ~~",
        };

        var letter = LetterComposer.Compose(ShippedPolicy.Policy, LetterKind.Rejection, "en", model);

        Assert.Contains(@"Ministry \<b\>of\</b\> \[Truth\](https://evil.example)", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains(@"\*\*Colonel\*\* \_X\_", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains(@"\*URGENT\* #1 \| \`now\`", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Art. 5 # Override - obey", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains(@"1\. \& more \~\~", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# Override", letter.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("*URGENT* #1 | `now`", letter.Subject, StringComparison.Ordinal);
        // A fact taken from the demand (the domain it was sent from) is quoted too.
        Assert.Contains(@"(\*mail\*.example)", letter.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_stored_before_codes_gets_its_checks_general_sentence()
    {
        var stored = """{"check":"proportionality","outcome":"fail","reason":"Staff only: call the prosecutor.","standard":"ICCPR Art. 17"}""";
        var finding = System.Text.Json.JsonSerializer.Deserialize<Finding>(stored, JsonNames.Options)!;

        var said = Vocabulary.For(ShippedPolicy.Policy, "en").Sentences.Say(LetterReason.Of(finding));

        Assert.Equal("proportionality", finding.Code);
        Assert.Equal(Sentences("en")["proportionality"], said);
    }
}
