using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>
/// The decide form on the demand page: what the reviewer chose is what is recorded, and a refused decision comes back
/// as it was filled in, with each problem beside its field.
/// </summary>
public abstract class DecideFormTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    /// <summary>A typed-up US subpoena for subscriber information and content, assessed: a subpoena does not reach
    /// content, so the desk recommends disclosing narrowed.</summary>
    private async Task<(PageSession Reviewer, string Page)> SubpoenaAwaitingDecisionAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ines = await PageSession.CreatePersonAsync(app, $"ines-{tag}@desk.example", Roles.Intake);
        var alice = await PageSession.CreatePersonAsync(app, $"alice-{tag}@desk.example", Roles.LegalReviewer);
        using var intake = new PageSession(app);
        await intake.SignInAsync(ines);
        var form = DeskFlowTests<TApp>.WarrantForm("US Attorney " + tag, "US").Select(f => f.Key == "legalProcess" ? new("legalProcess", "subpoena") : f).ToList();
        var created = await intake.PostFormAsync("/desk/demands/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];

        var reviewer = new PageSession(app);
        await reviewer.SignInAsync(alice);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [], page + "?handler=assess")).StatusCode);
        Assert.Contains("Recommendation: disclose in part (narrowed)", await reviewer.GetAsync(page), StringComparison.Ordinal);
        return (reviewer, page);
    }

    private async Task<IReadOnlyList<(Recommendation Outcome, string Event)>> DecisionsAsync(string page)
    {
        var id = Guid.Parse(page.Split('/')[^1]);
        List<(Recommendation, string)> found = [];
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var outcomes = await db.Decisions.AsNoTracking().Where(d => d.DemandId == id).Select(d => d.Outcome).ToListAsync();
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.DecisionRecorded).Select(e => e.Data).ToListAsync();
            found = outcomes.Zip(events).ToList();
        });
        return found;
    }

    [Fact]
    public async Task Disclose_narrowed_is_recorded_as_disclose_narrowed_with_only_the_ticked_category()
    {
        var (reviewer, page) = await SubpoenaAwaitingDecisionAsync();
        using (reviewer)
        {
            var decided = await reviewer.PostFormAsync(page, [new("outcome", "discloseNarrowed"), new("dataCategories", "subscriberInfo"), new("reason", "")], page + "?handler=decide");

            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
            Assert.Contains("Decision: <strong>disclose in part (narrowed)</strong>", await reviewer.GetAsync(page), StringComparison.Ordinal);
            var (outcome, data) = Assert.Single(await DecisionsAsync(page));
            Assert.Equal(Recommendation.DiscloseNarrowed, outcome);
            Assert.Contains("\"categories\":\"subscriberInfo\"", data, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_disclosure_with_no_box_ticked_is_refused_instead_of_widened_to_everything_asked_for()
    {
        var (reviewer, page) = await SubpoenaAwaitingDecisionAsync();
        using (reviewer)
        {
            var refused = await reviewer.PostFormAsync(page, [new("outcome", "discloseNarrowed"), new("reason", "")], page + "?handler=decide");
            var html = await refused.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("id=\"err-dataCategories\">Tick the data categories", html);
            Assert.Empty(await DecisionsAsync(page));
        }
    }

    [Fact]
    public async Task A_refused_decision_comes_back_with_every_value_the_reviewer_posted()
    {
        var (reviewer, page) = await SubpoenaAwaitingDecisionAsync();
        using (reviewer)
        {
            // Departing from the recommendation needs a reason of some length; this one is too short.
            var refused = await reviewer.PostFormAsync(page, [new("outcome", "preserve"), new("dataCategories", "content"), new("territories", "US, CA"), new("reason", "Too short")], page + "?handler=decide");
            var html = await refused.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("departs from the recommendation", html, StringComparison.Ordinal);
            Assert.Contains("<option value=\"preserve\" selected=\"selected\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<option value=\"discloseNarrowed\" selected=\"selected\">", html, StringComparison.Ordinal);
            Assert.Contains("value=\"content\" checked=\"checked\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"subscriberInfo\" checked=\"checked\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"US, CA\"", html, StringComparison.Ordinal);
            Assert.Contains(">Too short</textarea>", html, StringComparison.Ordinal);
            Assert.Empty(await DecisionsAsync(page));
        }
    }

    [Fact]
    public async Task A_field_the_reader_refuses_is_named_beside_it_and_the_values_stay()
    {
        var (reviewer, page) = await SubpoenaAwaitingDecisionAsync();
        using (reviewer)
        {
            var refused = await reviewer.PostFormAsync(page, [new("outcome", "discloseNarrowed"), new("dataCategories", "subscriberInfo"), new("territories", "Narnia"), new("reason", "As assessed.")], page + "?handler=decide");
            var html = await refused.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("id=\"err-territories\">Not an ISO 3166-1 alpha-2 country code", html);
            Assert.Contains("value=\"Narnia\"", html, StringComparison.Ordinal);
            Assert.Contains("<option value=\"discloseNarrowed\" selected=\"selected\">", html, StringComparison.Ordinal);
            Assert.Contains("value=\"subscriberInfo\" checked=\"checked\"", html, StringComparison.Ordinal);
            Assert.Contains(">As assessed.</textarea>", html, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteDecideFormTests(SqliteDeskApp app) : DecideFormTests<SqliteDeskApp>(app);

public sealed class PostgresDecideFormTests(PostgresDeskApp app) : DecideFormTests<PostgresDeskApp>(app);
