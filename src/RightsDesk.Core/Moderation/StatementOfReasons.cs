using RightsDesk.Core.Letters;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Moderation;

/// <summary>How a statement speaks of a government behind the decision.</summary>
public enum GovernmentMention
{
    /// <summary>No government demand is linked.</summary>
    None,

    /// <summary>Said plainly, with the authority (Santa Clara Principles: government involvement is always said).</summary>
    Said,

    /// <summary>A gag on the linked demand is in force: the statement leaves the government out, and a further
    /// statement says it when the gag ends.</summary>
    Withheld,
}

/// <summary>What a statement of reasons is made from. <paramref name="AuthorityName"/> and
/// <paramref name="AuthorityCountry"/> are set only when <paramref name="Government"/> is <see cref="GovernmentMention.Said"/>.</summary>
/// <param name="Supplementary">a further statement, made when a gag ended, to say what the first one could not.</param>
public sealed record StatementModel(
    ModerationDecision Decision,
    string OperatorName,
    DateOnly IssuedOn,
    DateOnly AppealBy,
    string AppealCode,
    GovernmentMention Government,
    string? AuthorityName = null,
    string? AuthorityCountry = null,
    bool Supplementary = false);

/// <summary>A statement as written: the language used, its subject, and its body as Markdown.</summary>
public sealed record RenderedStatement(string Language, string Subject, string BodyMarkdown);

/// <summary>
/// Writes the Art. 17(3) statement of reasons from policy/templates/statements/{language}/statement.md, with the
/// Transparency Database's values put into words from the language's labels ("tdb.*"), so a translator edits the
/// same two files as for notices and letters.
/// </summary>
public static class StatementComposer
{
    /// <summary>Where the user appeals: the public page types the code in (never a code in the URL).</summary>
    public const string AppealPage = "/appeal";

    public static string TemplatePath(string language) => $"statements/{language}/statement.md";

    /// <exception cref="TemplateException">when not even the English statement exists, or a template is broken.</exception>
    public static RenderedStatement Compose(PolicySet policy, string language, StatementModel model)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        var (used, path, text) = Composition.Find(policy, language, TemplatePath);
        var words = Vocabulary.For(policy, used);
        var (subject, body) = Composition.Render(path, text, Values(model, words));
        return new RenderedStatement(used, subject, body);
    }

    private static Dictionary<string, object?> Values(StatementModel m, Vocabulary words)
    {
        var d = m.Decision;
        var measures = d.DecisionVisibility.Concat(new[] { d.DecisionMonetary, d.DecisionProvision, d.DecisionAccount }.OfType<string>())
            .Select(v => Word(words, v)).ToList();
        var ends = new[] { d.EndDateVisibilityRestriction, d.EndDateMonetaryRestriction, d.EndDateServiceRestriction, d.EndDateAccountRestriction }
            .OfType<DateOnly>().ToList();
        var illegal = string.Equals(d.DecisionGround, Tdb.GroundIllegal, StringComparison.Ordinal);

        // Under a gag the source is told as a notification without naming who sent it: saying "own initiative"
        // would be untrue, and naming a government is what the gag forbids.
        var source = m.Government == GovernmentMention.Withheld ? Tdb.SourceOtherNotification : d.SourceType;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["operatorName"] = m.OperatorName,
            ["issuedOn"] = Vocabulary.Date(m.IssuedOn),
            ["supplementary"] = m.Supplementary,
            ["measures"] = measures,
            ["everywhere"] = d.Global,
            ["territories"] = d.Global ? null : string.Join(", ", d.TerritorialScope),
            ["endsOn"] = ends.Count == 0 ? null : Vocabulary.Date(ends.Max()),
            ["applicationDate"] = Vocabulary.Date(d.ApplicationDate),
            ["contentDate"] = Vocabulary.Date(d.ContentDate),
            ["facts"] = Markdown.Escape(d.DecisionFacts),
            ["source"] = Word(words, source),
            ["government"] = m.Government == GovernmentMention.Said,
            ["authorityName"] = m.Government == GovernmentMention.Said ? Markdown.Escape(m.AuthorityName) : null,
            ["authorityCountry"] = m.Government == GovernmentMention.Said ? m.AuthorityCountry : null,
            ["automatedDetection"] = string.Equals(d.AutomatedDetection, Tdb.Yes, StringComparison.Ordinal),
            ["automatedDecision"] = Word(words, d.AutomatedDecision),
            ["illegal"] = illegal,
            ["legalGround"] = Markdown.Escape(illegal ? d.IllegalContentLegalGround : null),
            ["explanation"] = Markdown.Escape(illegal ? d.IllegalContentExplanation : d.IncompatibleContentExplanation),
            ["contractualGround"] = Markdown.Escape(illegal ? null : d.IncompatibleContentGround),
            ["groundUrl"] = d.DecisionGroundReferenceUrl,
            ["appealBy"] = Vocabulary.Date(m.AppealBy),
            ["appealCode"] = m.AppealCode,
            ["appealPage"] = AppealPage,
        };
    }

    private static string Word(Vocabulary words, string tdbValue) => words["tdb." + tdbValue];
}
