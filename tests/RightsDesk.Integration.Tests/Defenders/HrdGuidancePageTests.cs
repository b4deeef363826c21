using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Policy;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>
/// The commitment page and the per-country safety guidance are generated from policy/hrd-policy.json and the
/// jurisdiction profiles: what they say follows the policy in force, in every public language, without a script.
/// </summary>
public abstract class HrdGuidancePageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static readonly string[] Languages = ["en", "ar", "es", "fa", "fr", "ru", "tr", "zh-Hans"];

    private async Task<(HttpStatusCode Status, string Html)> Get(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_commitment_page_shows_the_commitment_its_endorser_review_date_and_guidance_countries_in_every_language()
    {
        foreach (var lang in Languages)
        {
            var (status, html) = await Get($"/{lang}/defenders");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("We will not let our service be used to silence people who defend human rights.", html, StringComparison.Ordinal);
            Assert.Contains("The board of directors", html, StringComparison.Ordinal);
            Assert.Contains("2027-06-01", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/{lang}/defenders/hk\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/{lang}/incident\"", html, StringComparison.Ordinal);
            Assert.Contains("incidents.acknowledgedInTarget", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

            var (_, home) = await Get($"/{lang}/");
            Assert.Contains($"href=\"/{lang}/defenders\"", home, StringComparison.Ordinal);
        }

        var (_, russian) = await Get("/ru/defenders");
        Assert.Contains("Наши обязательства перед правозащитниками", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hong_kong_guidance_says_what_the_profile_decides_and_how_to_get_help()
    {
        var (status, html) = await Get("/en/defenders/hk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Safety guidance for defenders in Hong Kong", html, StringComparison.Ordinal);
        Assert.Contains("No user data is disclosed", html, StringComparison.Ordinal);
        Assert.Contains("Every demand goes to the human rights lead", html, StringComparison.Ordinal);
        Assert.Contains("User-data demands from Hong Kong authorities suspended", html, StringComparison.Ordinal);
        Assert.Contains("National Security Law seek the identity", html, StringComparison.Ordinal);
        Assert.Contains("within 2 h", html, StringComparison.Ordinal);
        Assert.Contains("Front Line Defenders", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/incident\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/guidelines/hk\"", html, StringComparison.Ordinal);

        var (_, arabic) = await Get("/ar/defenders/hk");
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("إرشادات السلامة للمدافعين", arabic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_benchmark_of_the_hrd_policy_is_a_metric_the_desk_computes()
    {
        var hrd = app.Services.GetRequiredService<PolicyProvider>().Current.Hrd!;
        await using var scope = app.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<Application.Impact.IMetricRegistry>();
        var size = await metrics.TreeSizeAsync(default);
        foreach (var b in hrd.Benchmarks)
        {
            Assert.True(metrics.Find(b.Metric) is not null, $"hrd-policy.json benchmark '{b.Metric}' is not a registered metric");
            Assert.InRange(await metrics.ReadAsync(b.Metric, null, size, default), 0m, 100m);
        }
    }

    [Fact]
    public async Task Only_countries_with_threats_of_their_own_have_guidance_at_their_lower_case_address()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/en/defenders/us")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/en/defenders/HK")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/xx/defenders/hk")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get("/en/defenders/tr")).Status);
    }

    [Fact]
    public async Task Editing_the_profile_changes_what_the_guidance_says()
    {
        var policy = app.Services.GetRequiredService<PolicyProvider>();
        var file = Path.Combine(policy.Directory, "jurisdictions", "TR.json");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            var (_, before) = await Get("/en/defenders/tr");
            Assert.Contains("Every demand goes to the human rights lead", before, StringComparison.Ordinal);
            Assert.DoesNotContain("No user data is disclosed", before, StringComparison.Ordinal);
            Assert.Contains("A restriction must rest on: court order, administrative order.", before, StringComparison.Ordinal);
            Assert.Contains("Legal process must follow within 1 day", before, StringComparison.Ordinal);

            var profile = JsonNode.Parse(original)!.AsObject();
            profile["restrictionProcess"] = new JsonArray("courtOrder");
            profile["emergency"]!["allowed"] = false;
            profile["overrides"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "tr-test-suspension", ["effect"] = "suspendUserData", ["kinds"] = new JsonArray("userData"),
                    ["since"] = "2026-01-01", ["until"] = null, ["reason"] = "Test suspension reason", ["source"] = null,
                },
                new JsonObject
                {
                    ["id"] = "tr-test-ended", ["effect"] = "challengeRestrictions", ["kinds"] = new JsonArray(),
                    ["since"] = "2020-01-01", ["until"] = "2021-01-01", ["reason"] = "An ended decision", ["source"] = null,
                });
            await File.WriteAllTextAsync(file, profile.ToJsonString());
            policy.Reload();

            var (_, after) = await Get("/en/defenders/tr");
            Assert.Contains("No user data is disclosed", after, StringComparison.Ordinal);
            Assert.Contains("Test suspension reason", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Every demand goes to the human rights lead", after, StringComparison.Ordinal);
            // A decision that has ended does not describe what a demand arriving today meets.
            Assert.DoesNotContain("An ended decision", after, StringComparison.Ordinal);
            Assert.Contains("A restriction must rest on: court order.", after, StringComparison.Ordinal);
            Assert.Contains("provides no emergency path", after, StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
            policy.Reload();
        }
    }

    [Fact]
    public async Task Without_a_country_risk_in_the_hrd_policy_the_guidance_page_is_gone()
    {
        var policy = app.Services.GetRequiredService<PolicyProvider>();
        var file = Path.Combine(policy.Directory, "hrd-policy.json");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            var hrd = JsonNode.Parse(original, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
            var risks = hrd["risks"]!.AsArray();
            foreach (var r in risks.Where(r => (string?)r!["country"] == "PH").ToList())
            {
                risks.Remove(r);
            }

            await File.WriteAllTextAsync(file, hrd.ToJsonString());
            policy.Reload();
            Assert.Equal(HttpStatusCode.NotFound, (await Get("/en/defenders/ph")).Status);
            Assert.DoesNotContain("href=\"/en/defenders/ph\"", (await Get("/en/defenders")).Html, StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
            policy.Reload();
        }

        Assert.Equal(HttpStatusCode.OK, (await Get("/en/defenders/ph")).Status);
    }
}

public sealed class SqliteHrdGuidancePageTests(SqliteDeskApp app) : HrdGuidancePageTests<SqliteDeskApp>(app);

public sealed class PostgresHrdGuidancePageTests(PostgresDeskApp app) : HrdGuidancePageTests<PostgresDeskApp>(app);
