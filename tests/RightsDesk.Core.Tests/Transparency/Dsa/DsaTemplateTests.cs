using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency.Dsa;

/// <summary>
/// The DSA templates as a regulator's reader meets them: the Commission's header rows byte for byte, every category,
/// keyword and Member State row in the template's order, keywords that add up to their category and Member States
/// that add up to the total, the unit of every median said, and the version and date in the identification sheet.
/// </summary>
public sealed class DsaTemplateTests
{
    private const int Code = 3, Scope = 5, Act = 6, Items = 7, Info = 10;

    private static Gen<DsaOrder> Order =>
        from ms in Gen.Elements(DsaRules.MemberStates.ToArray())
        from kind in Gen.Elements(Enum.GetValues<DsaOrderKind>())
        from category in Gen.Elements(DsaCategories.ForOrders.ToArray())
        from k in Gen.Choose(-1, 8)
        from items in Gen.Choose(0, 9)
        from hours in Gen.Choose(-1, 300)
        select new DsaOrder(ms, kind, category.Code, k < 0 || k >= category.Keywords.Count ? null : category.Keywords[k].Code, items, hours < 0 ? null : hours);

    private static IReadOnlyList<DsaSheet> Sheets(IReadOnlyList<DsaOrder> orders, IReadOnlyList<DsaNoticeAction>? actions = null) =>
        DsaTemplate.Build(new DsaReportInput("Example Social Ltd", "Example Social", 2026, 2, new DateOnly(2027, 2, 1), new DateOnly(2026, 2, 27), orders, actions ?? []));

    [Theory]
    [InlineData("1_report_identification")]
    [InlineData("2_categories_names")]
    [InlineData("3_member_states_orders")]
    [InlineData("4_notices")]
    [InlineData("5_own_initiative_illegal")]
    [InlineData("6_own_initiative_TC")]
    [InlineData("7_appeals_and_recidivism")]
    [InlineData("8_automated_means")]
    [InlineData("9_human_resources")]
    [InlineData("10_AMAR")]
    [InlineData("11_qualitative")]
    public void Each_sheet_starts_with_the_Commissions_header_row_byte_for_byte(string sheet)
    {
        var golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Transparency", "Dsa", "TemplateHeaders", sheet + ".csv"));
        var written = Sheets([]).Single(s => s.Name == sheet);
        var csv = Encoding.UTF8.GetBytes(DsaFilesCsv(written));
        Assert.Equal(golden, csv.AsSpan(0, golden.Length).ToArray());
    }

    [Fact]
    public void The_orders_sheet_has_every_category_and_keyword_row_for_the_total_and_every_member_state()
    {
        var rows = Sheets([]).Single(s => s.Name == "3_member_states_orders").Rows;
        var codes = DsaTemplate.RowsOf(DsaCategories.ForOrders).Select(r => r.Code).ToList();
        Assert.Equal(1 + 14 + 1 + DsaCategories.ForOrders.Sum(c => c.Keywords.Count), codes.Count);
        var expected = DsaRules.MemberStates.Prepend("TOTAL").SelectMany(ms => codes.Select(c => (ms, c))).ToList();
        Assert.Equal(expected, rows.Select(r => (r[Scope].Text, r[Code].Text)).ToList());
        Assert.Contains(rows, r => r[Code].Text == "KEYWORD_TERRORIST_CONTENT" && r[Scope].Text == "SK");
        Assert.DoesNotContain(rows, r => r[Code].Text == DsaCategories.OtherViolationTc || r[Code].Text == DsaCategories.NotSpecifiedNotice);
        Assert.Equal(27, DsaRules.MemberStates.Distinct().Count());
        Assert.DoesNotContain("EL", DsaRules.MemberStates);
    }

    [Fact]
    public void Keywords_sum_to_their_category_and_member_states_to_the_total()
    {
        FuzzCheck.Run("dsa-orders", Gen.ListOf(Order).Select(l => (IReadOnlyList<DsaOrder>)l.ToList()), 60, orders =>
        {
            var rows = Sheets(orders).Single(s => s.Name == "3_member_states_orders").Rows;
            long V(IReadOnlyList<DsaCell> r, int col) => long.Parse(r[col].Text, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var scope in DsaRules.MemberStates.Prepend("TOTAL"))
            {
                var here = rows.Where(r => r[Scope].Text == scope).ToList();
                foreach (var col in new[] { Act, Items, Info })
                {
                    var categories = DsaCategories.ForOrders.Sum(c => V(here.Single(r => r[Code].Text == c.Code), col));
                    Assert.Equal(V(here[0], col), categories);
                    foreach (var c in DsaCategories.ForOrders.Where(c => c.Keywords.Count > 0))
                    {
                        var at = here.FindIndex(r => r[Code].Text == c.Code);
                        Assert.Equal(V(here[at], col), here.Skip(at + 1).Take(c.Keywords.Count).Sum(r => V(r, col)));
                    }
                }
            }

            foreach (var col in new[] { Act, Items, Info })
            {
                var total = rows.Where(r => r[Scope].Text == "TOTAL").ToList();
                for (var i = 0; i < total.Count; i++)
                {
                    var perState = DsaRules.MemberStates.Sum(ms => V(rows.Where(r => r[Scope].Text == ms).ElementAt(i), col));
                    Assert.Equal(V(total[i], col), perState);
                }
            }

            Assert.Equal(orders.Count(o => o.Kind == DsaOrderKind.ActAgainstContent), V(rows[0], Act));
        });
    }

    [Fact]
    public void Every_median_says_its_unit_and_n_and_the_identification_sheet_carries_version_and_date()
    {
        var orders = new[]
        {
            new DsaOrder("DE", DsaOrderKind.ActAgainstContent, DsaCategories.NotSpecifiedOrder, null, 3, 10, HoursToInform: 2),
            new DsaOrder("DE", DsaOrderKind.ActAgainstContent, DsaCategories.NotSpecifiedOrder, null, 1, 30),
            new DsaOrder("FR", DsaOrderKind.ActAgainstContent, DsaCategories.NotSpecifiedOrder, null, 1, null),
        };
        var sheets = Sheets(orders);
        var rows = sheets.Single(s => s.Name == "3_member_states_orders").Rows;
        var header = DsaHeaders.MemberStatesOrders;
        var giveEffect = header.ToList().IndexOf("Median time to give effect to the order to act against illegal content");
        var context = header.ToList().IndexOf("Contextual information on Median time to give effect to the order to act against illegal content");
        Assert.Equal("20.0", rows[0][giveEffect].Text);
        var inform = header.ToList().IndexOf("Median time to inform the authority of the receipt of the order to act against illegal content");
        Assert.Equal("2.0", rows[0][inform].Text);
        Assert.Contains("n = 1 of 3 orders", rows[0][inform + 7].Text, StringComparison.Ordinal);
        Assert.Contains("n = 2 of 3 orders", rows[0][context].Text, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.StartsWith("Unit: hours", r[context].Text, StringComparison.Ordinal));
        var de = rows.First(r => r[Scope].Text == "DE");
        Assert.Equal("20.0", de[giveEffect].Text);
        Assert.Equal("4", de[Items].Text);
        var id = sheets[0].Rows.ToDictionary(r => r[2].Text, r => r[3].Text);
        Assert.Equal("2", id["Version of the report"]);
        Assert.Equal("2027-02-01", id["Date of this version"]);
        Assert.Equal("2026-01-01", id["Starting date of reporting period"]);
        Assert.Equal("2026-12-31", id["Ending date of reporting period"]);
        Assert.Equal("2026-02-27", id["Date of the publication of the latest previous report"]);
    }

    [Fact]
    public void Notice_actions_fall_under_their_keyword_and_the_columns_it_cannot_know_say_why()
    {
        var actions = new[]
        {
            new DsaNoticeAction("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", TrustedFlagger: true, OnTheLaw: true),
            new DsaNoticeAction("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", null, TrustedFlagger: false, OnTheLaw: false),
            new DsaNoticeAction(DsaCategories.OtherViolationTc, "KEYWORD_NUDITY", TrustedFlagger: false, OnTheLaw: false),
        };
        var rows = Sheets([], actions).Single(s => s.Name == "4_notices").Rows;
        string[] Figures(string code) => rows.Single(r => r[Code].Text == code).Skip(11).Take(4).Select(c => c.Text).ToArray();
        Assert.Equal(["1", "1", "1", "0"], Figures("TOTAL"));
        Assert.Equal(["1", "1", "1", "0"], Figures("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"));
        Assert.Equal(["1", "1", "0", "0"], Figures("KEYWORD_HATE_SPEECH"));
        Assert.Equal(2, rows.Count(r => r[Code].Text == "KEYWORD_OTHER" && r.Skip(11).Take(4).Any(c => c.Text != "0")) + 1);
        Assert.Equal("", rows[0][5].Text);
        Assert.StartsWith("Not recorded", rows[0][15].Text, StringComparison.Ordinal);
        Assert.Equal("STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", rows[^1][Code].Text);
    }

    [Fact]
    public void Only_orders_from_member_states_authorities_count()
    {
        DemandFact F(string country, DemandKind kind, bool forged = false, string offence = "notListed") => new()
        {
            CaseHash = "c", Kind = kind, ReceivedAt = DateTimeOffset.UnixEpoch, Country = country, AuthorityType = AuthorityType.Court,
            LegalProcess = LegalProcess.CourtOrder, Outcome = ReportOutcome.AllData, ForgedOrUnverified = forged, OffenceCategory = offence,
            ItemsRequested = 4, HoursToComplete = 12,
        };
        Assert.Null(DsaRules.Order(F("US", DemandKind.ContentRestriction)));
        Assert.Null(DsaRules.Order(F("GB", DemandKind.UserData)));
        Assert.Null(DsaRules.Order(F("DE", DemandKind.NetworkDisruption)));
        Assert.Null(DsaRules.Order(F("DE", DemandKind.ContentRestriction, forged: true)));
        Assert.Equal(new DsaOrder("DE", DsaOrderKind.ActAgainstContent, DsaCategories.NotSpecifiedOrder, null, 4, 12, 3),
            DsaRules.Order(F("DE", DemandKind.ContentRestriction), DateTimeOffset.UnixEpoch.AddHours(3.5)));
        Assert.Equal(new DsaOrder("FR", DsaOrderKind.ProvideInformation, "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_TERRORIST_CONTENT", 0, 12),
            DsaRules.Order(F("FR", DemandKind.Preservation, offence: "terrorism")));
    }

    [Fact]
    public void The_workbook_has_the_templates_eleven_sheets_in_order()
    {
        string[] names =
        [
            "1_report_identification", "2_categories_names", "3_member_states_orders", "4_notices", "5_own_initiative_illegal", "6_own_initiative_TC",
            "7_appeals_and_recidivism", "8_automated_means", "9_human_resources", "10_AMAR", "11_qualitative",
        ];
        Assert.Equal(names, Sheets([]).Select(s => s.Name));
    }

    internal static string DsaFilesCsv(DsaSheet sheet) =>
        DsaHeaders.CsvLine(sheet.Header) + "\n" + string.Concat(sheet.Rows.Select(r => DsaHeaders.CsvLine(r.Select(c => c.Text)) + "\n"));
}
