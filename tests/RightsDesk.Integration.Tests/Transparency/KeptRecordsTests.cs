using RightsDesk.Application.Transparency;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// The records a version keeps: whatever order the sources hand them in (each sorted, one out of order, two that
/// interleave), they are kept in the order a sort of all of them gives, the root is the one <see cref="ReportRecords.Root"/>
/// defines, and the stored bytes open to exactly the text of those records one a line.
/// </summary>
public sealed class KeptRecordsTests
{
    private static string Rec(string source, string hash, int n) =>
        ReportRecords.CanonicalOf(source, $$"""{"caseHash":"{{hash}}","n":{{n}},"note":"é"}""");

    public static TheoryData<string> Shapes => ["sorted", "unsorted", "interleaved", "empty"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Records_are_kept_in_sorted_order_under_the_defined_root_and_open_to_the_same_text(string shape)
    {
        var demands = Enumerable.Range(0, 300).Select(i => Rec("demands", (i * 7919 % 1000).ToString("x8", System.Globalization.CultureInfo.InvariantCulture), i)).ToList();
        var notices = Enumerable.Range(0, 40).Select(i => Rec("notices", i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), i)).ToList();
        List<IReadOnlyList<string>> bySource = shape switch
        {
            "sorted" => [demands.Order(StringComparer.Ordinal).ToList(), notices],
            "unsorted" => [notices, demands],
            // Two lists of one source: their ranges overlap, so only a sort of everything orders them.
            "interleaved" => [demands.Where((_, i) => i % 2 == 0).Order(StringComparer.Ordinal).ToList(), demands.Where((_, i) => i % 2 == 1).Order(StringComparer.Ordinal).ToList(), notices],
            _ => [[], []],
        };
        var all = bySource.SelectMany(l => l).ToList();

        var kept = KeptRecords.Of(bySource);

        var sorted = all.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, KeptRecords.Ordered(bySource));
        Assert.Equal(sorted.Count, kept.Count);
        Assert.Equal(ReportRecords.Root(all), kept.Root);
        Assert.Equal(string.Join('\n', sorted), KeptRecords.Unpack(kept.Packed()));
        Assert.Equal(string.Join('\n', sorted), System.Text.Encoding.UTF8.GetString(kept.Utf8));
        Assert.True(kept.Packed().Length < Math.Max(kept.Utf8.Length, 64), "the stored bytes are compressed");
    }
}
