using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency.Dsa;

/// <summary>
/// Sheets 5 to 8 as a regulator checks them: every keyword row of the own-initiative sheets adds up to its category
/// and the categories to the total, in every column; the measures on the law and on the terms land in their own
/// sheet; appeal outcomes add up to the appeals (an undecided one is "Decision omitted"); the solely automated and
/// not automated measures add up to the decisions; and what RightsDesk does not know is left empty with the reason.
/// </summary>
public sealed class DsaMeasureSheetsTests
{
    private const int Code = 3, FirstFigure = 5, Figures = 16;

    private static readonly string[] Sources = [DsaMeasure.Voluntary, DsaMeasure.Article16, DsaMeasure.TrustedFlagger, "SOURCE_TYPE_OTHER_NOTIFICATION"];

    private static readonly string[] Visibility =
        ["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER"];

    private static Gen<DsaMeasure> Measure =>
        from category in Gen.Elements(DsaCategories.TermsAndConditions.ToArray())
        from k in Gen.Choose(-1, 8)
        from law in Gen.Elements(true, false)
        from source in Gen.Elements(Sources)
        from detected in Gen.Elements(true, false)
        from automated in Gen.Elements(true, false)
        from visibility in Gen.SubListOf(Visibility)
        from account in Gen.Elements<string?>(null, "DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED")
        from provision in Gen.Elements<string?>(null, "DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_TOTAL_TERMINATION")
        select new DsaMeasure(category.Code, k < 0 || k >= category.Keywords.Count ? null : category.Keywords[k].Code, law, source, detected, automated,
            [.. visibility], null, provision, account);

    private static IReadOnlyList<DsaSheet> Sheets(IReadOnlyList<DsaMeasure> measures, IReadOnlyList<DsaComplaint>? complaints = null, IReadOnlyList<DsaNotice>? notices = null) =>
        DsaTemplate.Build(new DsaReportInput("Example Social Ltd", "Example Social", 2026, 1, new DateOnly(2027, 2, 1), null, [], [])
        {
            Measures = measures, Complaints = complaints ?? [], Notices = notices,
        });

    private static long V(DsaCell c) => long.Parse(c.Text, CultureInfo.InvariantCulture);

    [Fact]
    public void Own_initiative_keywords_sum_to_their_category_and_categories_to_the_total_in_every_column()
    {
        FuzzCheck.Run("dsa-own-initiative", Gen.ListOf(Measure).Select(l => (IReadOnlyList<DsaMeasure>)l.ToList()), 60, measures =>
        {
            foreach (var (name, categories, onLaw) in new[] { ("5_own_initiative_illegal", DsaCategories.Illegal.ToList(), true), ("6_own_initiative_TC", DsaCategories.TermsAndConditions.ToList(), false) })
            {
                var rows = Sheets(measures).Single(s => s.Name == name).Rows;
                Assert.Equal(DsaTemplate.RowsOf(categories).Select(r => r.Code), rows.Select(r => r[Code].Text));
                for (var col = FirstFigure; col < FirstFigure + Figures; col++)
                {
                    Assert.Equal(V(rows[0][col]), categories.Sum(c => V(rows.Single(r => r[Code].Text == c.Code)[col])));
                    foreach (var c in categories)
                    {
                        var at = rows.ToList().FindIndex(r => r[Code].Text == c.Code);
                        Assert.Equal(V(rows[at][col]), rows.Skip(at + 1).Take(c.Keywords.Count).Sum(r => V(r[col])));
                    }
                }

                var codes = categories.Select(c => c.Code).ToHashSet();
                Assert.Equal(measures.Count(m => m.OwnInitiative && m.OnTheLaw == onLaw && codes.Contains(m.Category)), V(rows[0][FirstFigure]));
            }
        });
    }

    [Fact]
    public void A_removal_with_an_account_suspension_counts_once_as_a_measure_and_once_under_each_restriction()
    {
        var m = new DsaMeasure("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING", false, DsaMeasure.Voluntary, true, false,
            ["DECISION_VISIBILITY_CONTENT_REMOVED"], null, null, "DECISION_ACCOUNT_SUSPENDED");
        var sheets = Sheets([m]);
        var tc = sheets.Single(s => s.Name == "6_own_initiative_TC");
        var row = tc.Rows.Single(r => r[Code].Text == "KEYWORD_PHISHING");
        string Cell(string column) => row[tc.Header.ToList().IndexOf(column)].Text;
        Assert.Equal("1", Cell("Number of measures taken at the provider's own initiative "));
        Assert.Equal("1", Cell("Number of measures taken after detection with solely automated means "));
        Assert.Equal("1", Cell("Visibility restriction Removal"));
        Assert.Equal("1", Cell("Account restriction Suspension"));
        Assert.Equal("0", Cell("Account restriction Termination"));
        Assert.All(sheets.Single(s => s.Name == "5_own_initiative_illegal").Rows, r => Assert.Equal("0", r[FirstFigure].Text));
    }

    [Fact]
    public void Appeal_outcomes_add_up_to_the_appeals_and_an_undecided_one_is_a_decision_omitted()
    {
        var removal = new DsaMeasure("STATEMENT_CATEGORY_VIOLENCE", null, true, DsaMeasure.Article16, false, false, ["DECISION_VISIBILITY_CONTENT_REMOVED"], null, null, null);
        var ban = removal with { Visibility = [], Account = "DECISION_ACCOUNT_SUSPENDED" };
        DsaComplaint[] complaints =
        [
            new(removal, DsaComplaintOutcome.Upheld, 10), new(removal, DsaComplaintOutcome.Reversed, 30), new(ban, DsaComplaintOutcome.PartiallyReversed, 50),
            new(ban, DsaComplaintOutcome.Pending, null),
        ];
        var rows = Sheets([removal, ban], complaints).Single(s => s.Name == "7_appeals_and_recidivism").Rows;
        string Value(string indicator, string scope) => rows.Single(r => r[4].Text == indicator && r[5].Text == scope)[6].Text;
        Assert.Equal("4", Value(DsaHeaders.ComplaintsSubmitted, "Total number"));
        var outcomes = new[] { "Decisions upheld", "Decisions partially reversed", "Decisions reversed", "Decision omitted" }.Sum(s => long.Parse(Value(DsaHeaders.ComplaintsSubmitted, s), CultureInfo.InvariantCulture));
        Assert.Equal(4, outcomes);
        Assert.Equal("30.0", Value(DsaHeaders.ComplaintsSubmitted, "Median time"));
        Assert.Equal("2", Value(DsaHeaders.ComplaintVisibility, "Total number"));
        Assert.Equal("20.0", Value(DsaHeaders.ComplaintVisibility, "Median time"));
        Assert.Equal("2", Value(DsaHeaders.ComplaintAccount, "Total number"));
        Assert.Equal("1", Value(DsaHeaders.ComplaintAccount, "Decisions partially reversed"));
        Assert.Equal("1", Value(DsaHeaders.SuspensionsIllegal, "Total number"));
        Assert.Equal("0", Value(DsaHeaders.DisputesSubmitted, "Total number"));
        Assert.StartsWith("Referrals of decisions to certified", rows.Single(r => r[4].Text == DsaHeaders.DisputesSubmitted && r[5].Text == "Total number")[7].Text, StringComparison.Ordinal);
        Assert.Contains("n = 3 of 4 appeals", rows.Single(r => r[4].Text == DsaHeaders.ComplaintsSubmitted && r[5].Text == "Median time")[7].Text, StringComparison.Ordinal);
        Assert.Equal(47, rows.Count);
    }

    [Fact]
    public void Out_of_court_outcomes_add_up_to_the_disputes_and_the_median_is_over_the_bodies_decisions()
    {
        var input = new DsaReportInput("Example Social Ltd", "Example Social", 2026, 1, new DateOnly(2027, 2, 1), null, [], [])
        {
            Disputes = [new("upheld", 240), new("reversed", 720), new("partiallyReversed", 480), new("withdrawn", null), new("pending", null)],
        };
        var rows = DsaTemplate.Build(input).Single(s => s.Name == "7_appeals_and_recidivism").Rows;
        string Value(string scope) => rows.Single(r => r[4].Text == DsaHeaders.DisputesSubmitted && r[5].Text == scope)[6].Text;
        Assert.Equal("5", Value("Total number"));
        var outcomes = new[] { "Decisions upheld", "Decisions partially reversed", "Decisions reversed", "Decision omitted" }.Sum(s => long.Parse(Value(s), CultureInfo.InvariantCulture));
        Assert.Equal(5, outcomes);
        Assert.Equal("480.0", Value("Median time"));
        Assert.Contains("n = 3 of 5 disputes", rows.Single(r => r[4].Text == DsaHeaders.DisputesSubmitted && r[5].Text == "Median time")[7].Text, StringComparison.Ordinal);
        Assert.Equal("", Value(DsaHeaders.Implemented));
    }

    [Fact]
    public void Solely_automated_and_not_add_up_to_the_decisions_and_notices_wait_for_a_notice_store()
    {
        FuzzCheck.Run("dsa-automated", Gen.ListOf(Measure).Select(l => (IReadOnlyList<DsaMeasure>)l.ToList()), 40, measures =>
        {
            var rows = Sheets(measures).Single(s => s.Name == "8_automated_means").Rows;
            long Value(string indicator, string scope) => V(rows.Single(r => r[4].Text == indicator && r[5].Text == scope)[6]);
            Assert.Equal(measures.Count, Value(DsaHeaders.MeasuresAutomated, "Total number") + Value(DsaHeaders.MeasuresNotAutomated, "Total number"));
            Assert.Equal(measures.Count(m => m.OwnInitiative), Value(DsaHeaders.MeasuresAutomated, "Own-initiative ") + Value(DsaHeaders.MeasuresNotAutomated, "Own-initiative "));
            var notices = rows.Where(r => r[5].Text is "NAM Total" or "NAM Trusted Flagger").ToList();
            Assert.Equal(10, notices.Count);
            Assert.All(notices, r => Assert.Equal("", r[6].Text));
            Assert.All(notices.Where(r => r[4].Text.StartsWith("Number of notices", StringComparison.Ordinal)), r => Assert.StartsWith("Not recorded", r[7].Text, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Once_a_notice_store_answers_its_notices_fill_the_notice_columns()
    {
        DsaNotice[] notices =
        [
            new("STATEMENT_CATEGORY_VIOLENCE", null, true, 2, 4, false), new("STATEMENT_CATEGORY_VIOLENCE", "KEYWORD_HUMAN_TRAFFICKING", false, 1, 8, true),
            new(DsaCategories.NotSpecifiedNotice, null, false, 3, null, false),
        ];
        var sheets = Sheets([], notices: notices);
        var four = sheets.Single(s => s.Name == "4_notices").Rows;
        Assert.Equal(["3", "1", "6", "2", "6.0", "4.0"], four[0].Skip(5).Take(6).Select(c => c.Text));
        Assert.Equal(["1", "0", "1", "0", "8.0", ""], four.Single(r => r[Code].Text == "KEYWORD_HUMAN_TRAFFICKING").Skip(5).Take(6).Select(c => c.Text));
        var eight = sheets.Single(s => s.Name == "8_automated_means").Rows;
        Assert.Equal(["1", "2"], eight.Where(r => r[5].Text == "NAM Total").Take(2).Select(r => r[6].Text));
        Assert.Equal(["0", "1"], eight.Where(r => r[5].Text == "NAM Trusted Flagger").Take(2).Select(r => r[6].Text));
    }

    [Fact]
    public void The_vlop_sheets_have_their_rows_with_empty_values_and_the_qualitative_sheet_every_indicator()
    {
        var sheets = Sheets([]);
        var amar = sheets.Single(s => s.Name == "10_AMAR").Rows;
        Assert.Equal(DsaRules.MemberStates.Prepend("TOTAL"), amar.Select(r => r[5].Text));
        Assert.All(amar, r => Assert.Equal("", r[6].Text));
        Assert.All(sheets.Single(s => s.Name == "9_human_resources").Rows, r => Assert.Equal(("Only for VLOPs", ""), (r[0].Text, r[6].Text)));
        var qualitative = sheets.Single(s => s.Name == "11_qualitative").Rows;
        Assert.Equal(DsaHeaders.QualitativeIndicators, qualitative.Select(r => r[3].Text));
        Assert.Equal(6, qualitative.Count(r => r[0].Text == "All"));
    }
}
