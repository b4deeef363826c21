using System.Net.Http.Json;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>
/// `rightsdesk impact report ID --out DIR` on both engines: the report a lead hands to an assurance provider, with the
/// impacts most severe first and their rationales, the plan and the method, the same bytes when written twice, a PDF
/// printed by Chromium, and the consultation's words nowhere in it.
/// </summary>
public abstract class ImpactReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task The_report_lists_impacts_by_severity_with_their_rationales_and_is_the_same_bytes_twice()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "impact-report");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "KE");
        await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", ImpactFlowTests<TApp>.RiskBody("Mild but likely nuisance", 1, 2, 1, 4)));
        var severe = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", ImpactFlowTests<TApp>.RiskBody("Sources unmasked by police demands", 4, 3, 4, 1)));
        await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigations",
            new { title = "Challenge every demand for a journalist's data", risks = new[] { severe }, owner = DeskApp.PersonEmail("impact-report"), due = "2027-01-31", measure = "termsAndConditions" }));
        await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/consultations", new
        {
            group = "journalists", country = "KE", method = "focusGroup", heldOn = "2026-02-20", participants = 8, consented = false,
            precautions = "PangolinPrecaution: met off-site", issuesRaised = new[] { "PangolinIssue: reporters' IP logs" }, risks = new[] { severe },
        }));

        var dir = Path.Combine(app.Dir, "impact-report-" + id.ToString("N"));
        var first = await RunCli(["impact", "report", id.ToString(), "--out", dir, .. Store(app)]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var htmlPath = Path.Combine(dir, $"assessment-{id:D}.html");
        var html = await File.ReadAllTextAsync(htmlPath);
        var bytes = await File.ReadAllBytesAsync(htmlPath);

        Assert.True(html.IndexOf("1. Sources unmasked by police demands", StringComparison.Ordinal) is >= 0 and var a
            && html.IndexOf("2. Mild but likely nuisance", StringComparison.Ordinal) > a, "The severe risk comes first.");
        Assert.Contains("Challenge every demand for a journalist&#39;s data", html, StringComparison.Ordinal);
        Assert.Contains("1 consultation with affected stakeholders", html, StringComparison.Ordinal);
        Assert.Contains("Press freedom index 2025", html, StringComparison.Ordinal);
        Assert.Contains("of 4</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pangolin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);

        var pdf = await File.ReadAllBytesAsync(Path.Combine(dir, $"assessment-{id:D}.pdf"));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var second = await RunCli(["impact", "report", id.ToString(), "--out", dir + "-again", .. Store(app)]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(dir + "-again", $"assessment-{id:D}.html")));

        var missing = await RunCli(["impact", "report", Guid.NewGuid().ToString(), "--out", dir + "-none", .. Store(app)]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no impact assessment", missing.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteImpactReportTests(SqliteDeskApp app) : ImpactReportTests<SqliteDeskApp>(app);

public sealed class PostgresImpactReportTests(PostgresDeskApp app) : ImpactReportTests<PostgresDeskApp>(app);
