using System.Net;
using System.Text.Json.Nodes;
using RightsDesk.Browser.Tests.Support;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>The pages are generated from the policy: edit the policy, and the pages say something else.</summary>
public sealed class PolicyDrivenPagesTests : IAsyncLifetime
{
    private readonly EditedPolicyServer _server = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_server).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_server).DisposeAsync();

    [Fact]
    public async Task An_edited_policy_changes_what_the_pages_say()
    {
        using var http = _server.Http();
        var guidelines = WebUtility.HtmlDecode(await http.GetStringAsync("/en/guidelines"));
        Assert.Contains("How to submit a demand", guidelines, StringComparison.Ordinal);
        Assert.Contains("every 60 days", guidelines, StringComparison.Ordinal);
        Assert.DoesNotContain("every 90 days", guidelines, StringComparison.Ordinal);
        Assert.Contains("more than 3 accounts", guidelines, StringComparison.Ordinal);
        Assert.DoesNotContain("legal@example.org", guidelines, StringComparison.Ordinal);
        Assert.Contains("appeals@tiny.example", guidelines, StringComparison.Ordinal);

        var germany = WebUtility.HtmlDecode(await http.GetStringAsync("/en/guidelines/de"));
        Assert.Contains("Severe", germany, StringComparison.Ordinal);
        Assert.Contains("Restriction demands are challenged", germany, StringComparison.Ordinal);
        Assert.Contains("Test override reason", germany, StringComparison.Ordinal);

        var home = WebUtility.HtmlDecode(await http.GetStringAsync("/es/"));
        Assert.Contains("Cómo trata Tiny Forum los requerimientos", home, StringComparison.Ordinal);

        var user = WebUtility.HtmlDecode(await http.GetStringAsync("/fr/your-data"));
        Assert.Contains("tous les 60 jours", user, StringComparison.Ordinal);
        Assert.Contains("Allemagne", user, StringComparison.Ordinal);
    }

    /// <summary>The host on a copy of the policy with the operator, Germany and the notice rules changed.</summary>
    private sealed class EditedPolicyServer : WebServer
    {
        private readonly string _policy = CopyAndEdit();

        public override string PolicyDirectory => _policy;

        private static string CopyAndEdit()
        {
            var target = Path.Combine(Path.GetTempPath(), "rightsdesk-policy", Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.EnumerateFiles(Repo.Policy, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(Repo.Policy, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }

            Edit(Path.Combine(target, "operator.json"), o =>
            {
                o["name"] = "Tiny Forum";
                o["contactEmail"] = "appeals@tiny.example";
                o["notice"]!["nonDisclosureReviewDays"] = 60;
                o["proportionality"]!["targetsConcern"] = 3;
            });
            Edit(Path.Combine(target, "jurisdictions", "DE.json"), o =>
            {
                o["riskTier"] = "severe";
                o["overrides"] = new JsonArray(new JsonObject
                {
                    ["id"] = "de-test",
                    ["effect"] = "challengeRestrictions",
                    ["kinds"] = new JsonArray("contentRestriction"),
                    ["since"] = "2026-01-01",
                    ["until"] = null,
                    ["reason"] = "Test override reason",
                    ["source"] = null,
                });
            });
            return target;
        }

        private static void Edit(string path, Action<JsonObject> change)
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            change(json);
            File.WriteAllText(path, json.ToJsonString());
        }
    }
}
