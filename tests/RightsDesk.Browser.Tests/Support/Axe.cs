using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>Runs axe-core on a page for WCAG 2.2 A and AA and fails on every serious or critical violation.</summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public static async Task AssertAccessible(IPage page)
    {
        // Only violations come back: collecting every passing node is most of the cost of a run on a long page.
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            ResultTypes = [ResultType.Violations],
        });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var lines = blocking.SelectMany(v => v.Nodes.Take(5).Select(n =>
            $"- {v.Impact} {v.Id}: {v.Help} at {n.Target}: {n.Html}"));
        Assert.Fail($"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:\n{string.Join("\n", lines)}");
    }
}
