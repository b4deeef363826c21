using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsDesk.Application.Demands;
using RightsDesk.Browser.Tests.Desk;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>
/// The published takedown originals in Chromium with JavaScript off, at a phone's and a desktop's width: the public
/// list filtered by its plain GET form, one original with its personal data marked (left to right and right to
/// left), and the researcher's tier after signing in; axe (which needs script) then checks the public pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TakedownPagesTests(WebServer server, BrowserFixture browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(390, 844), (1280, 900)];

    [Fact]
    public async Task The_public_and_researcher_pages_read_without_script_on_a_phone_and_a_desktop()
    {
        var reference = await SeedAsync();
        await using var context = await browser.NewContext(javaScript: false, width: 390, height: 844);
        var tab = await context.NewPageAsync();
        var foreign = new System.Collections.Concurrent.ConcurrentQueue<string>();
        tab.Request += (_, r) =>
        {
            if (new Uri(r.Url).Authority != server.BaseAddress.Authority)
            {
                foreign.Enqueue(r.Url);
            }
        };

        await tab.GotoAsync(server.Url("/en/transparency").ToString());
        await tab.ClickAsync("a[href='/en/transparency/takedowns']");
        Assert.EndsWith("/en/transparency/takedowns", tab.Url, StringComparison.Ordinal);
        await tab.SelectOptionAsync("#country", "de");
        await tab.ClickAsync("form.filters button[type=submit]");
        Assert.Contains("country=de", tab.Url, StringComparison.Ordinal);
        Assert.Contains(reference, await tab.InnerTextAsync("#takedowns"), StringComparison.Ordinal);
        Assert.Equal(0, await tab.Locator("script").CountAsync());
        var list = tab.Url;
        await AtEachSize(tab, "public.takedowns");

        await tab.ClickAsync($"#takedowns a:has-text('{reference}')");
        var original = tab.Url;
        var main = await tab.InnerTextAsync("main");
        Assert.Contains("[redacted: email]", main, StringComparison.Ordinal);
        Assert.Contains("phone-number", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Novak", main, StringComparison.Ordinal);
        await AtEachSize(tab, "public.takedown");

        await tab.GotoAsync(original.Replace("/en/", "/ar/", StringComparison.Ordinal));
        Assert.Equal("rtl", await tab.Locator("html").GetAttributeAsync("dir"));
        await AtEachSize(tab, "public.takedown.ar");
        Assert.True(foreign.IsEmpty, "Requests to other hosts: " + string.Join(", ", foreign));

        var researcher = await StaffPerson.Enrol(server, "rosa", Roles.Researcher);
        await using var desk = await browser.NewContext(javaScript: false, width: 390, height: 844);
        var page = await desk.NewPageAsync();
        await researcher.SignIn(page, server);
        await page.ClickAsync("nav a[href='/research/takedowns']");
        await AtEachSize(page, "research.takedowns");
        await page.ClickAsync($"#takedowns a:has-text('{reference}')");
        Assert.Contains("Referentin M. Vogel", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await AtEachSize(page, "research.takedown");

        await using var checking = await browser.NewContext(javaScript: true);
        var axe = await checking.NewPageAsync();
        foreach (var path in new[] { list, original })
        {
            await axe.GotoAsync(path);
            await Axe.AssertAccessible(axe);
        }
    }

    private static async Task AtEachSize(IPage tab, string name)
    {
        foreach (var (w, h) in Sizes)
        {
            await tab.SetViewportSizeAsync(w, h);
            await Layout.AssertFits(tab, tab.Url);
            await Screenshots.Save(tab, $"{name}.{w}", fullPage: true);
        }
    }

    /// <summary>A regulator's order, decided and approved through the use cases, whose words name the user and the
    /// signing official: the public tier marks both, the researcher tier keeps the official.</summary>
    private async Task<string> SeedAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var demand = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repo.Policy, "examples", "07-germany-section-130-court-order.demand.json")))!.AsObject();
        demand["legalProcess"] = "administrativeOrder";
        var a = demand["authority"]!.AsObject();
        a["name"] = "Bundesamt für Justiz";
        a["type"] = "regulator";
        a["officer"] = "Referentin M. Vogel";
        a["email"] = "m.vogel@bfj.bund.example";
        demand["statementOfReasons"] = "The user Ms Jana Novak (@jnovak@social.example, jana.novak@mail.example, +49 30 901820) posted a call to violence against a named shelter, "
            + "and repeated it twice the next morning. Questions to Referentin M. Vogel, m.vogel@bfj.bund.example.";
        var json = demand.ToJsonString();
        var made = await sp.GetRequiredService<CreateDemand>().RunAsync(
            new CreateDemand.Request(DemandReader.Read(json), System.Text.Encoding.UTF8.GetBytes(json), null, Actor.Person("takedown-clerk", "takedown-clerk@desk.example"), IntakeRoute.Desk), default);
        var cases = sp.GetRequiredService<DemandCases>();
        var record = (await cases.FindAsync(made.Record.Id, default))!;
        await sp.GetRequiredService<Decide>().RunAsync(record, new DecisionInput(Core.Assessment.Recommendation.RestrictInJurisdiction,
            "Restricted where the law cited applies, after review of the order.", null, null), Actor.Person("takedown-rita", "takedown-rita@desk.example"), default);
        foreach (var (name, role) in new[] { ("takedown-hana", Roles.HumanRightsLead), ("takedown-bob", Roles.Approver), ("takedown-omar", Roles.HumanRightsLead) })
        {
            record = (await cases.FindAsync(made.Record.Id, default))!;
            if (record.State != DemandState.AwaitingApproval)
            {
                break;
            }

            await sp.GetRequiredService<Approve>().RunAsync(record, Viewer.For(Actor.Person(name, name + "@desk.example"), role, viaToken: false), null, default);
        }

        return record.Reference!;
    }
}
