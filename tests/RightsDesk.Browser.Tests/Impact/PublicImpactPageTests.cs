using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Impact;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;

namespace RightsDesk.Browser.Tests.Impact;

/// <summary>
/// The public summary of impact assessments in Chromium with JavaScript off, at a phone's width and a desktop's, in
/// English and Arabic: a signed assessment reads as its numbers, with nothing wider than the screen; axe (which needs
/// script) then checks it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicImpactPageTests(WebServer server, BrowserFixture browser)
{
    private const string Name = "Neema Mwangi";

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private async Task SeedSignedAssessmentAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var rules = sp.GetRequiredService<ImpactStore>().Rules;
        var (conductor, signer) = (Actor.Person("browser-impact-1", "impact-one@desk.example"), Actor.Person("browser-impact-2", "impact-two@desk.example"));
        var assessments = sp.GetRequiredService<ImpactAssessments>();
        var id = await assessments.CreateAsync(ImpactReader.Assessment(Json("""
            {"title":"Entry into Tanzania","trigger":"marketEntry","scope":{"products":["timeline","messaging"],"countries":["TZ"]},
             "assessors":[{"name":"External counsel","independent":true}],"nextReviewDue":"2027-06-01"}
            """)), conductor, default);
        var risk = await assessments.AddRiskAsync(id, RiskReader.Read(Json("""
            {"title":"Demands to unmask NAME","rights":["iccpr-19","iccpr-17"],"groups":[{"group":"journalists","country":"TZ"}],"nature":"potential","involvement":"contribute",
             "inherent":{"scale":{"value":4,"rationale":"r"},"scope":{"value":2,"rationale":"r"},"irremediability":{"value":4,"rationale":"r"},"likelihood":{"value":2,"rationale":"r"}}}
            """.Replace("NAME", Name, StringComparison.Ordinal)), rules), conductor, default);
        await assessments.AddRiskAsync(id, RiskReader.Read(Json("""
            {"title":"Shutdown order","rights":["iccpr-19","iccpr-21","iccpr-25"],"groups":[{"group":"users","country":"TZ"}],"nature":"potential","involvement":"directlyLinked",
             "inherent":{"scale":{"value":3,"rationale":"r"},"scope":{"value":4,"rationale":"r"},"irremediability":{"value":2,"rationale":"r"},"likelihood":{"value":1,"rationale":"r"}}}
            """), rules), conductor, default);
        await sp.GetRequiredService<ImpactConsultations>().RecordAsync(id, ImpactReader.Consultation(Json($$"""
            {"group":"journalists","country":"TZ","method":"focusGroup","heldOn":"2026-01-20","participants":14,"consented":false,
             "precautions":"Off-site","issuesRaised":["Police ask for {{Name}}'s IP address"],"risks":["{{risk}}"]}
            """), rules), conductor, default);
        var benchmarks = sp.GetRequiredService<Benchmarks>();
        var bench = await benchmarks.CreateAsync(id, new BenchmarkInput("b", "notices.beforeDisclosure", null, null, "Tell users first", 50, 90, BenchmarkDirection.AtLeast), conductor, default);
        await benchmarks.TakeReadingAsync(bench!.Value, conductor, default);
        var reviews = sp.GetRequiredService<ImpactReviews>();
        var review = await reviews.ConductAsync(id, new ReviewInput(ReviewKind.Scheduled, null, "Plan agreed", new DateOnly(2027, 6, 1)), conductor, default);
        await reviews.SignOffAsync(id, review!.Value, signer, default);
    }

    [Fact]
    public async Task The_public_impact_summary_reads_at_a_phone_and_a_desktop_width_without_script_and_is_accessible()
    {
        await SeedSignedAssessmentAsync();
        await using var context = await browser.NewContext(javaScript: false, width: 390, height: 844);
        var tab = await context.NewPageAsync();
        foreach (var lang in new[] { "en", "ar" })
        {
            await tab.SetViewportSizeAsync(390, 844);
            await tab.GotoAsync(server.Url($"/{lang}/transparency/impact").ToString());
            var text = await tab.InnerTextAsync("main");
            Assert.DoesNotContain(Name, text, StringComparison.Ordinal);
            Assert.Contains(lang == "en" ? "Market entry: TZ" : "دخول سوق", text, StringComparison.Ordinal);
            Assert.Equal(1, await tab.Locator("#left-out").CountAsync());
            await Layout.AssertFits(tab, $"/{lang}/transparency/impact");
            await Screenshots.Save(tab, $"public.{lang}.transparency-impact.signed.390", fullPage: true);
            await tab.SetViewportSizeAsync(1280, 900);
            await Layout.AssertFits(tab, $"/{lang}/transparency/impact");
            await Screenshots.Save(tab, $"public.{lang}.transparency-impact.signed.1280", fullPage: true);
        }

        await using var checking = await browser.NewContext(javaScript: true);
        var axe = await checking.NewPageAsync();
        await axe.GotoAsync(server.Url("/en/transparency/impact").ToString());
        await Axe.AssertAccessible(axe);
    }
}
