using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Originals;

/// <summary>
/// The web pages of the published originals on SQLite and PostgreSQL: anyone reads the public tier (a decided demand
/// is listed and readable with its personal data marked, a gagged or undecided one is only counted, and nothing is
/// ledgered); a researcher reads the researcher tier and each original opened is ledgered; other staff are refused
/// and the anonymous are sent to sign in.
/// </summary>
public abstract class TakedownPagesTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private const string Words = "The user Ms Jana Novak (@jnovak@social.example, jana.novak@mail.example, +49 30 901820) posted a call to violence. "
        + "Questions on file VG-2026/0815 to Referentin M. Vogel, m.vogel@bfj.bund.example. <script>alert('x')</script>";

    private async Task<(Guid Id, string Reference)> File(bool gagged = false, bool decide = true)
    {
        var demand = JsonNode.Parse(TestRepo.Example("07-germany-section-130-court-order"))!.AsObject();
        demand["legalProcess"] = "administrativeOrder";
        var a = demand["authority"]!.AsObject();
        a["name"] = "Bundesamt für Justiz";
        a["type"] = "regulator";
        a["officer"] = "Referentin M. Vogel";
        a["email"] = "m.vogel@bfj.bund.example";
        a["reference"] = "VG-2026/0815";
        demand["statementOfReasons"] = Words;
        demand["targets"] = new JsonArray(new JsonObject { ["type"] = "url", ["id"] = "https://social.example/p/88120173" },
            new JsonObject { ["type"] = "account", ["id"] = "@jnovak@social.example" });
        if (gagged)
        {
            demand["nonDisclosure"] = new JsonObject { ["required"] = true, ["until"] = "2030-06-30", ["basis"] = "§ 101 StPO" };
        }

        var body = Encoding.UTF8.GetBytes(demand.ToJsonString());
        var id = Guid.Empty;
        await app.InScope(async sp =>
        {
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(
                new CreateDemand.Request(DemandReader.Read(body), body, null, Actor.Person("web-ines", "ines@desk.example"), IntakeRoute.Desk), default);
            id = created.Record.Id;
            if (!decide)
            {
                return;
            }

            var cases = sp.GetRequiredService<DemandCases>();
            var record = (await cases.FindAsync(id, default))!;
            await sp.GetRequiredService<Decide>().RunAsync(record,
                new DecisionInput(Recommendation.RestrictInJurisdiction, "Restricted where the law cited applies, after review of the order.", null, null), Actor.Person("web-rita", "rita@desk.example"), default);
            foreach (var (name, role) in new[] { ("web-hana", Roles.HumanRightsLead), ("web-bob", Roles.Approver), ("web-omar", Roles.HumanRightsLead) })
            {
                record = (await cases.FindAsync(id, default))!;
                if (record.State != DemandState.AwaitingApproval)
                {
                    break;
                }

                await sp.GetRequiredService<Approve>().RunAsync(record, Viewer.For(Actor.Person(name, name + "@desk.example"), role, viaToken: false), null, default);
            }
        });
        var reference = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().Demands.Where(d => d.Id == id).Select(d => d.Reference!).SingleAsync());
        return (id, reference);
    }

    private static string FileOf(string reference) => $"de/2026/2026-01-20-{reference.ToLowerInvariant()}.md";

    private Task<long> LedgerSize() => app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.LongCountAsync());

    private async Task<PageSession> SignedIn(string role)
    {
        var person = await PageSession.CreatePersonAsync(app, $"web-{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30] + "@staff.example.org", role);
        var page = new PageSession(app);
        var signedIn = await page.SignInAsync(person);
        Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{role} could not sign in: {(int)signedIn.StatusCode}");
        return page;
    }

    [Fact]
    public async Task The_public_list_shows_a_decided_takedown_counts_a_gagged_one_and_ledgers_nothing()
    {
        var (_, published) = await File();
        var (_, gagged) = await File(gagged: true);
        await File(decide: false);
        var before = await LedgerSize();
        using var anonymous = new PageSession(app);

        var list = await anonymous.GetAsync("/en/transparency/takedowns");
        // The filter is a GET form: no antiforgery token, so no cookie for an anonymous reader.
        Assert.False(anonymous.Last!.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__rd_form", list, StringComparison.Ordinal);
        Assert.Contains(published, list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/en/transparency/takedowns/{FileOf(published)}\"", list, StringComparison.Ordinal);
        Assert.Contains("Published demands received in 2026: 1.", list, StringComparison.Ordinal);
        Assert.Contains("Not published while a non-disclosure order binds: 1.", list, StringComparison.Ordinal);
        Assert.Contains("Not published because not decided yet: 1.", list, StringComparison.Ordinal);
        Assert.DoesNotContain(gagged, list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", list, StringComparison.OrdinalIgnoreCase);

        var page = await anonymous.GetAsync("/en/transparency/takedowns/" + FileOf(published));
        Assert.Contains($"Takedown demand {published}", page, StringComparison.Ordinal);
        Assert.Contains("[redacted: email]", page, StringComparison.Ordinal);
        Assert.Contains("[redacted: official]", page, StringComparison.Ordinal);
        Assert.Contains("<code dir=\"ltr\">phone-number</code>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        foreach (var gone in new[] { "901820", "jana.novak@", "jnovak", "Novak", "Vogel", "bfj.bund" })
        {
            Assert.DoesNotContain(gone, page, StringComparison.OrdinalIgnoreCase);
        }

        // In another language the page's own words change; the original stays as the desk keeps it.
        var spanish = await anonymous.GetAsync("/es/transparency/takedowns/" + FileOf(published));
        Assert.Contains("Demanda de retirada " + published, spanish, StringComparison.Ordinal);
        Assert.Contains("Número de teléfono", spanish, StringComparison.Ordinal);

        // A gagged demand has no page; nor has a year, country or file that names nothing. Each 404 is a page in words.
        var held = await anonymous.GetAsync("/en/transparency/takedowns/" + FileOf(gagged), HttpStatusCode.NotFound);
        Assert.Contains("<h1", held, StringComparison.Ordinal);
        await anonymous.GetAsync("/en/transparency/takedowns/de/1999/" + FileOf(published)[8..], HttpStatusCode.NotFound);
        await anonymous.GetAsync("/en/transparency/takedowns/DE/2026/" + FileOf(published)[8..], HttpStatusCode.NotFound);
        await anonymous.GetAsync("/en/transparency/takedowns/fr/2026/" + FileOf(published)[8..], HttpStatusCode.NotFound);
        await anonymous.GetAsync("/en/transparency/takedowns?year=1999", HttpStatusCode.NotFound);

        // The filters are a plain GET form: a country with nothing says so, the right one lists the demand.
        Assert.Contains("No published demand matches this choice.", await anonymous.GetAsync("/en/transparency/takedowns?year=2026&country=fr"), StringComparison.Ordinal);
        Assert.Contains(published, await anonymous.GetAsync("/en/transparency/takedowns?year=2026&country=de"), StringComparison.Ordinal);
        Assert.Contains("/en/transparency/takedowns", await anonymous.GetAsync("/en/transparency"), StringComparison.Ordinal);

        Assert.Equal(before, await LedgerSize());
    }

    [Fact]
    public async Task The_public_list_pages_by_twenty_five_and_every_original_is_on_exactly_one_page()
    {
        var filed = new List<string>();
        for (var i = 0; i < RightsDesk.Web.Transparency.TakedownPages.PageSize + 1; i++)
        {
            filed.Add((await File()).Reference);
        }

        using var anonymous = new PageSession(app);
        var first = await anonymous.GetAsync("/en/transparency/takedowns");
        Assert.Contains("Published demands received in 2026: 26.", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"/en/transparency/takedowns?year=2026&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        var second = await anonymous.GetAsync("/en/transparency/takedowns?year=2026&page=2");
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\" href=\"/en/transparency/takedowns?year=2026\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);

        var onFirst = filed.Where(r => first.Contains(FileOf(r), StringComparison.Ordinal)).ToList();
        var onSecond = filed.Where(r => second.Contains(FileOf(r), StringComparison.Ordinal)).ToList();
        Assert.Equal(RightsDesk.Web.Transparency.TakedownPages.PageSize, onFirst.Count);
        Assert.Single(onSecond);
        Assert.Empty(onFirst.Intersect(onSecond));
        // One day's demands are listed by their file's name: the last reference is the one left for the second page.
        Assert.Equal(filed.Max(StringComparer.Ordinal), onSecond[0]);

        await anonymous.GetAsync("/en/transparency/takedowns?year=2026&page=3", HttpStatusCode.NotFound);
        await anonymous.GetAsync("/en/transparency/takedowns?year=2026&page=0", HttpStatusCode.NotFound);

        // The researcher's list pages the same way (Razor Pages keeps a route value called "page" of its own).
        using var researcher = await SignedIn(Roles.Researcher);
        var last = await researcher.GetAsync("/research/takedowns?year=2026&page=2");
        Assert.Contains("Page 2 of 2", last, StringComparison.Ordinal);
        Assert.Contains(FileOf(onSecond[0]), last, StringComparison.Ordinal);
        await researcher.GetAsync("/research/takedowns?year=2026&page=3", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_researcher_reads_the_researcher_tier_and_each_view_is_ledgered()
    {
        var (id, published) = await File();
        using var researcher = await SignedIn(Roles.Researcher);
        Assert.Contains(published, await researcher.GetAsync("/research/takedowns"), StringComparison.Ordinal);

        var page = await researcher.GetAsync("/research/takedowns/" + FileOf(published));
        Assert.Contains("Referentin M. Vogel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("jana.novak@", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        await researcher.GetAsync("/research/takedowns/" + FileOf(published));
        await researcher.GetAsync("/research/takedowns/de/2026/no-such-demand.md", HttpStatusCode.NotFound);

        var reads = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.Code == (int)LedgerEventCode.TakedownOriginalRead).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal(id.ToString(), e.SubjectId));
        var fields = JsonDocument.Parse(reads[0].Data).RootElement.GetProperty("fields");
        Assert.Equal("DE/2026/" + FileOf(published)[8..], fields.GetProperty("path").GetString());
        Assert.Equal("researcher", fields.GetProperty("tier").GetString());
        Assert.All(reads, e => Assert.DoesNotContain("Vogel", e.Data, StringComparison.Ordinal));

        // The public pages, read by the same person, are not ledgered and show the public tier.
        var publicPage = await researcher.GetAsync("/en/transparency/takedowns/" + FileOf(published));
        Assert.DoesNotContain("Vogel", publicPage, StringComparison.Ordinal);
        Assert.Equal(2, await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.CountAsync(e => e.Code == (int)LedgerEventCode.TakedownOriginalRead)));
    }

    [Fact]
    public async Task Other_staff_are_refused_and_the_anonymous_are_sent_to_sign_in()
    {
        var (_, published) = await File();
        using var intake = await SignedIn(Roles.Intake);
        foreach (var path in new[] { "/research/takedowns", "/research/takedowns/" + FileOf(published) })
        {
            var refused = await intake.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/denied", refused.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await intake.Client.GetAsync(refused.Headers.Location)).StatusCode);

            using var anonymous = new PageSession(app);
            var sent = await anonymous.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/account/signin", sent.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(0, await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.CountAsync(e => e.Code == (int)LedgerEventCode.TakedownOriginalRead)));
    }
}

public sealed class SqliteTakedownPagesTests : TakedownPagesTests<SqliteDeskApp>;

public sealed class PostgresTakedownPagesTests : TakedownPagesTests<PostgresDeskApp>;
