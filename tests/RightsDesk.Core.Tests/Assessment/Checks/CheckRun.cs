using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>Runs one check alone on a worked example, changed as a test needs, and returns that check's findings.</summary>
internal static class CheckRun
{
    public static Demand Example(string name, Action<JsonNode>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.PolicyDir, "examples", name + ".demand.json")))!;
        change?.Invoke(node);
        return DemandReader.Read(node.ToJsonString());
    }

    public static AssessmentContext Context(IAssessmentCheck check, Demand demand, IReadOnlyList<AtRiskMatch>? atRisk = null, RequesterStanding? requester = null)
    {
        var c = new AssessmentContext(demand, Repo.Policy, atRisk ?? [], requester ?? RequesterStanding.Unknown);
        check.Run(c);
        Assert.All(c.Findings, f => Assert.Equal(check.Id, f.Check));
        return c;
    }

    public static IReadOnlyList<Finding> Findings(IAssessmentCheck check, Demand demand, IReadOnlyList<AtRiskMatch>? atRisk = null, RequesterStanding? requester = null) =>
        Context(check, demand, atRisk, requester).Findings;

    /// <summary>The one finding with <paramref name="outcome"/>; its reason must contain <paramref name="says"/>.</summary>
    public static Finding Single(IReadOnlyList<Finding> findings, FindingOutcome outcome, string says)
    {
        var f = Assert.Single(findings, x => x.Outcome == outcome);
        Assert.Contains(says, f.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(f.Standard));
        return f;
    }

    public static JsonNode? Json(string raw) => JsonNode.Parse(raw);
}
