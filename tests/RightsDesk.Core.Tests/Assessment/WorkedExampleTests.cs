using System.Text.Json;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Assessment;

/// <summary>Every worked scenario in policy/examples produces the outcome its .expected.json documents.</summary>
public class WorkedExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.PolicyDir, "examples"), "*.demand.json").Order())
        {
            data.Add(Path.GetFileName(f).Replace(".demand.json", "", StringComparison.Ordinal));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_fifteen_examples_covering_every_recommendation()
    {
        var expected = Directory.GetFiles(Path.Combine(Repo.PolicyDir, "examples"), "*.expected.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("recommendation").GetString())
            .ToHashSet();
        Assert.True(expected.Count >= 9, "recommendations covered: " + string.Join(", ", expected));
        Assert.True(Examples().Count >= 15);
        foreach (var r in Enum.GetValues<Recommendation>())
        {
            Assert.Contains(JsonNames.Of(r), expected);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_produces_its_documented_outcome(string name)
    {
        var dir = Path.Combine(Repo.PolicyDir, "examples");
        var demand = DemandReader.Read(File.ReadAllText(Path.Combine(dir, name + ".demand.json")));
        var atRiskPath = Path.Combine(dir, name + ".at-risk.json");
        var registry = File.Exists(atRiskPath)
            ? new AtRiskList(JsonDocument.Parse(File.ReadAllText(atRiskPath)).RootElement.EnumerateArray()
                .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("category").GetString()!)))
            : null;
        var result = new RightsAssessor(Repo.Policy).Assess(demand, registry);
        var actual = JsonDocument.Parse(JsonSerializer.Serialize(result, JsonNames.Options)).RootElement;
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".expected.json"))).RootElement;

        var why = string.Join("\n", result.Findings.Select(f => $"  {f.Outcome} {f.Check}: {f.Reason}"));
        foreach (var p in expected.EnumerateObject().Where(p => p.Name != "description"))
        {
            AssertSubset(p.Value, actual.GetProperty(p.Name), p.Name, why);
        }

        Assert.Equal(Repo.Policy.Version, result.PolicyVersion);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Standard)));
    }

    private static void AssertSubset(JsonElement expected, JsonElement actual, string path, string why)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in expected.EnumerateObject())
            {
                AssertSubset(p.Value, actual.GetProperty(p.Name), path + "." + p.Name, why);
            }

            return;
        }

        Assert.True(JsonElement.DeepEquals(expected, actual), $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}\nfindings:\n{why}");
    }
}
