using RightsDesk.Application.Transparency;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Transparency;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>
/// The public page shows every table of a report in the reader's words: every table, measure, dimension and value a
/// report can carry has its text in en.json (and so, by <see cref="TranslationTests"/>, in every language), and the
/// English is the files' English.
/// </summary>
public sealed class ReportWordsTests
{
    private static readonly IReadOnlyDictionary<string, string> English = PublicSite.Catalogue.English.Texts;

    /// <summary>Every source's section over no facts: the breakdowns with a closed set of values list each value at 0.</summary>
    private static IEnumerable<FigureKey> EveryFigure()
    {
        var period = new ReportPeriod(2026, 1);
        ReportSection[] sections =
        [
            DemandReport.Compute([], period),
            NoticeReport.Compute([], period),
            ModerationReport.Decisions((IReadOnlyList<ModerationFact>)[], period),
            ModerationReport.Appeals([], period),
            DisputeReport.Disputes([], period),
            MisuseReport.Measures([], period),
            IncidentFigures.Compute([], period, ["S1", "S2", "S3", "S4"]),
            IllegalContentNoticeFigures.Compute([], period),
            PartnerFlagFigures.Compute([], period),
        ];
        var keys = sections.SelectMany(s => s.Counts.Select(c => c.Key).Concat(s.Shares.Select(x => x.Key)).Concat(s.Times.Select(t => t.Key))).ToList();
        // These come with the data (no zero rows) but from closed lists: the Transparency Database's categories, the
        // actions a restriction demand can ask for (or none stated), and the policy's offence categories (or a law it
        // does not list).
        return keys
            .Concat(Tdb.Category.Select(c => new FigureKey("moderation_by_category", "decisions", "category", c)))
            .Concat(Words.All<RestrictionAction>().Append("notStated").Select(a => new FigureKey("restriction_by_action", "requests", "action", a)))
            .Append(new FigureKey("user_data_by_country", "requests", ReportWords.Country, "FR"))
            .Concat(Words.All<OffenceCategory>().Append("notListed").Select(o => new FigureKey("restriction_by_offence", "requests", "offence_category", o)));
    }

    [Fact]
    public void Every_word_of_every_table_has_its_text()
    {
        var missing = EveryFigure().SelectMany(ReportWords.KeysOf).Distinct().Where(k => !English.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"policy/public/en.json lacks: {string.Join(", ", missing)}");
        foreach (var column in new[] { "measure", "value", "n", "word" })
        {
            Assert.True(English.ContainsKey("report.column." + column), $"policy/public/en.json lacks report.column.{column}");
        }
    }

    [Fact]
    public void The_English_is_the_files_English_and_nothing_is_left_over()
    {
        var needed = EveryFigure().SelectMany(ReportWords.KeysOf).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in English.Where(e => e.Key.StartsWith("report.", StringComparison.Ordinal)))
        {
            if (key.StartsWith("report.table.", StringComparison.Ordinal))
            {
                var table = key["report.table.".Length..];
                Assert.True(ReportTables.Titles.ContainsKey(table), $"policy/public/en.json has a title for '{table}', a table no report has");
                Assert.Equal(ReportTables.Title(table), text);
            }
            else if (key.StartsWith("report.measure.", StringComparison.Ordinal))
            {
                var measure = key["report.measure.".Length..];
                Assert.True(ReportTables.Measures.ContainsKey(measure), $"policy/public/en.json has words for '{measure}', a measure no report has");
                Assert.Equal(ReportTables.Measure(measure), text);
            }
            else
            {
                Assert.True(needed.Contains(key) || key.StartsWith("report.column.", StringComparison.Ordinal), $"policy/public/en.json has '{key}', which no report uses");
            }
        }

        Assert.All(ReportTables.Titles.Keys, t => Assert.True(English.ContainsKey(ReportWords.TableKey(t)), $"no text for the table {t}"));
        Assert.All(ReportTables.Measures.Keys, m => Assert.True(English.ContainsKey(ReportWords.MeasureKey(m)), $"no text for the measure {m}"));
    }

    [Theory]
    [InlineData("fr", "user_data_by_outcome", "requests", "outcome", "rejected")]
    [InlineData("ar", "moderation_by_source", "decisions", "source", "voluntary")]
    [InlineData("zh-Hans", "incident_by_severity", "incidents", "severity", "S1")]
    public void A_translation_says_each_word_in_its_own_words(string code, string table, string measure, string dimension, string value)
    {
        var words = new ReportWords(PublicSite.Catalogue.Find(code)!);
        Assert.NotEqual(ReportTables.Title(table), words.Table(table));
        Assert.NotEqual(ReportTables.Measure(measure), words.Measure(measure));
        Assert.NotEqual(English[ReportWords.DimensionKey(dimension)], words.Dimension(dimension));
        Assert.NotNull(words.Value(dimension, value));
        Assert.NotEqual(English[ReportWords.ValueKey(dimension, value)], words.Value(dimension, value));
    }
}
