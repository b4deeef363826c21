using RightsDesk.Core.Cases;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Notices;
using RightsDesk.Web.Portal;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>Verified officials submit and follow their demands; staff ask questions and release answers through the portal.</summary>
public abstract class PortalDemandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string Target() => "acct-portal-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> Case(Guid id)
    {
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var response = await reviewer.GetAsync($"/api/v1/demands/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<(Official Official, PageSession Portal, Guid Demand, string Target)> SubmittedWarrantAsync(string? target = null)
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        var portal = await PortalSupport.SignedInAsync(app, official.Person);
        target ??= Target();
        var id = PortalSupport.DemandIdFrom(await PortalSupport.SubmitAsync(portal, PortalSupport.Warrant(target), PortalSupport.PdfDocument));
        return (official, portal, id, target);
    }

    [Fact]
    public async Task A_verified_official_submits_with_a_document_and_only_they_can_see_it()
    {
        var (official, portal, id, target) = await SubmittedWarrantAsync();
        using var _ = portal;

        var page = await portal.GetAsync($"/portal/demands/{id}?submitted=1");
        Assert.Contains("Received.", page, StringComparison.Ordinal);
        Assert.Contains("NK-2026-", page, StringComparison.Ordinal);
        // The desk's assessment is not the requester's business.
        Assert.DoesNotContain("recommend", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("finding", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/portal/demands/{id}", await portal.GetAsync("/portal"), StringComparison.Ordinal);

        var view = await Case(id);
        var demand = view.GetProperty("demand");
        Assert.Equal("portal", demand.GetProperty("channel").GetString());
        Assert.Equal("Federal Bureau of Investigation, Newark Field Office", demand.GetProperty("authority").GetProperty("name").GetString());
        Assert.Equal(official.Person.Email, demand.GetProperty("authority").GetProperty("email").GetString());
        Assert.Equal(target, demand.GetProperty("targets")[0].GetProperty("id").GetString());
        var document = Assert.Single(view.GetProperty("documents").EnumerateArray());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.Equal("disclose", view.GetProperty("assessment").GetProperty("recommendation").GetString());
        Assert.Contains(view.GetProperty("assessment").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("check").GetString() == "authenticity" && f.GetProperty("outcome").GetString() == "pass" && f.GetProperty("reason").GetString()!.Contains("portal account", StringComparison.Ordinal));
        await app.InScope(async sp =>
        {
            var record = await sp.GetRequiredService<RightsDeskDbContext>().Demands.AsNoTracking().SingleAsync(d => d.Id == id);
            Assert.Equal(official.UserId, record.RequesterUserId);
            Assert.Equal(Channel.Portal, record.Channel);
        });

        // Another official, verified too, cannot find it by any route.
        var other = await PortalSupport.VerifiedOfficialAsync(app);
        using var otherPortal = await PortalSupport.SignedInAsync(app, other.Person);
        await otherPortal.GetAsync($"/portal/demands/{id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(id.ToString(), await otherPortal.GetAsync("/portal"), StringComparison.Ordinal);
        var token = PortalSupport.Field(await otherPortal.GetAsync("/portal"), "__rd_form");
        var answer = await otherPortal.Client.PostAsync($"/portal/demands/{id}?handler=answer", new FormUrlEncodedContent([new("__rd_form", token), new("ClarificationId", Guid.NewGuid().ToString()), new("Answer", "x")]));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Form_errors_are_shown_next_to_their_fields_and_nothing_is_stored()
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        var fields = PortalSupport.Warrant(Target()).Where(f => f.Key is not "kind" and not "targets" and not "dateRange.to").ToList();
        fields.Add(new("targets", "account acct-1\n\nprofile @someone"));
        fields.Add(new("dateRange.to", "2025-01-01"));
        var response = await PortalSupport.SubmitAsync(portal, fields, ("warrant.pdf", "application/pdf", Encoding.ASCII.GetBytes("MZ this is not a PDF")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"err-kind\"", html, StringComparison.Ordinal);
        Assert.Contains("Line 3: the type (the first word) must be one of", html, StringComparison.Ordinal);
        Assert.Contains("id=\"err-dateRange-to\"", html, StringComparison.Ordinal);
        Assert.Contains("not a PDF", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"err-document\"", html, StringComparison.Ordinal);
        // What was typed comes back, so nothing has to be typed twice.
        Assert.Contains("profile @someone", html, StringComparison.Ordinal);

        var missing = await PortalSupport.SubmitAsync(portal, PortalSupport.Warrant(Target()), null);
        Assert.Contains("Attach the legal process", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.InScope(async sp => Assert.Equal(0, await sp.GetRequiredService<RightsDeskDbContext>().Demands.CountAsync(d => d.RequesterUserId == official.UserId)));
    }

    [Fact]
    public async Task Flagging_the_requester_changes_the_assessment_of_their_waiting_demands()
    {
        var (official, portal, id, _) = await SubmittedWarrantAsync();
        portal.Dispose();
        Assert.Equal("disclose", (await Case(id)).GetProperty("assessment").GetProperty("recommendation").GetString());

        var reviewer = await PageSession.CreatePersonAsync(app, $"r{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.LegalReviewer);
        using var staff = await PortalSupport.SignedInAsync(app, reviewer);
        var detail = $"/desk/officials/{official.UserId}";
        var flagged = await staff.PostFormAsync(detail, [new("Flag", "forged"), new("FlagReason", "The agency says the warrant in the last demand was not issued by its court.")], detail + "?handler=flag");
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);

        var assessment = (await Case(id)).GetProperty("assessment");
        Assert.Equal("verifyRequester", assessment.GetProperty("recommendation").GetString());
        Assert.Contains(assessment.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("check").GetString() == "authenticity" && f.GetProperty("outcome").GetString() == "fail" && f.GetProperty("reason").GetString()!.Contains("found forged", StringComparison.Ordinal));
        Assert.Contains(await PortalSupport.LedgerAsync(app, LedgerEventCode.DemandAssessed, id.ToString()), e => e.Data.Contains("\"requester\":\"flaggedForged\"", StringComparison.Ordinal));
        var flagEvent = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialFlagged, official.UserId));
        Assert.DoesNotContain("court", flagEvent.Data, StringComparison.Ordinal);

        var history = await staff.GetAsync(detail);
        Assert.Contains("flagged forged", history, StringComparison.Ordinal);
        Assert.Contains($"/desk/demands/{id}", history, StringComparison.Ordinal);
        Assert.Contains("verify who sent it first", history, StringComparison.Ordinal);
        Assert.Contains("not issued by its court", history, StringComparison.Ordinal);

        // An abusive flag escalates instead: the identity stands, the conduct is in question.
        await staff.PostFormAsync(detail, [new("Flag", "abusive"), new("FlagReason", "Earlier demands targeted journalists' sources.")], detail + "?handler=flag");
        var escalated = (await Case(id)).GetProperty("assessment");
        Assert.True(escalated.GetProperty("escalation").GetProperty("required").GetBoolean());
        Assert.Equal(2, escalated.GetProperty("requiredApprovals").GetInt32());
    }

    [Fact]
    public async Task A_question_goes_to_the_official_and_the_answer_reopens_the_demand()
    {
        var (official, portal, id, _) = await SubmittedWarrantAsync();
        using var _ = portal;
        var reviewer = await PageSession.CreatePersonAsync(app, $"r{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.LegalReviewer);
        using var staff = await PortalSupport.SignedInAsync(app, reviewer);
        var clarify = $"/desk/demands/{id}/clarify";

        // Before a decision, the workflow has no place for a question.
        var early = await staff.PostFormAsync(clarify, [new("Question", "Which court issued the warrant?")]);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("once the demand is decided", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await app.ClientFor(Roles.LegalReviewer);
        var decided = await api.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "requestClarification", reason = "The warrant's court and date cannot be read on the scan." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        const string question = "Which court issued the warrant, and on what date? The scan is illegible.";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(clarify, [new("Question", question)])).StatusCode);
        Assert.Equal("clarificationRequested", (await Case(id)).GetProperty("state").GetString());

        var page = await portal.GetAsync($"/portal/demands/{id}");
        Assert.Contains(question, page, StringComparison.Ordinal);
        PortalSupport.AssertEveryFormCarriesItsToken(page);
        PortalSupport.AssertEveryFormCarriesItsToken(await staff.GetAsync(clarify));
        PortalSupport.AssertEveryFormCarriesItsToken(await portal.GetAsync("/portal/submit"));
        Assert.Contains("Waiting for your answer", page, StringComparison.Ordinal);
        Assert.DoesNotContain(reviewer.Email, page, StringComparison.Ordinal);
        Assert.Contains("question for you", await portal.GetAsync("/portal"), StringComparison.Ordinal);

        var questionId = PortalSupport.Field(page, "ClarificationId");
        const string answer = "United States District Court for the District of New Jersey, 2026-02-27, case 26-mj-4417.";
        var empty = await portal.PostFormAsync($"/portal/demands/{id}", [new("ClarificationId", questionId), new("Answer", " ")], $"/portal/demands/{id}?handler=answer");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write your answer", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answered = await portal.PostFormAsync($"/portal/demands/{id}", [new("ClarificationId", questionId), new("Answer", answer)], $"/portal/demands/{id}?handler=answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var view = await Case(id);
        Assert.Equal("assessed", view.GetProperty("state").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), s => s.GetProperty("action").GetString() == "answerReceived" && s.GetProperty("actor").GetString()!.StartsWith("official-", StringComparison.Ordinal));
        Assert.Contains(answer, await staff.GetAsync(clarify), StringComparison.Ordinal);
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.ClarificationRequested, id.ToString()));
        var answeredEvent = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.ClarificationAnswered, id.ToString()));
        Assert.DoesNotContain("New Jersey", answeredEvent.Data, StringComparison.Ordinal);

        var twice = await portal.PostFormAsync($"/portal/demands/{id}", [new("ClarificationId", questionId), new("Answer", "Again.")], $"/portal/demands/{id}?handler=answer");
        Assert.Contains("already been answered", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.InScope(async sp =>
        {
            var row = await sp.GetRequiredService<RightsDeskDbContext>().Clarifications.AsNoTracking().SingleAsync(c => c.DemandId == id);
            Assert.DoesNotContain("New Jersey", Encoding.UTF8.GetString(row.SealedAnswer!), StringComparison.Ordinal);
            Assert.Equal(official.UserId, row.AnsweredBy!["official-".Length..].Insert(8, "-").Insert(13, "-").Insert(18, "-").Insert(23, "-"));
        });
    }

    [Fact]
    public async Task A_release_is_downloaded_by_the_requester_only_recorded_and_refused_after_expiry()
    {
        var (official, portal, id, target) = await SubmittedWarrantAsync();
        portal.Dispose();
        var dir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "contact.json"), "{\"email\":\"user-portal@users.example.org\",\"language\":\"en\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "subscriberInfo.json"), "{\"name\":\"Portal User\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "content.json"), "{\"messages\":7}");

        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" })).StatusCode);
        var lead = await app.ClientFor(Roles.HumanRightsLead, "lead-portal");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { })).StatusCode);
        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<NoticeJob>().RunAsync(default);
            await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
        });
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null)).StatusCode);

        var staffPerson = await PageSession.CreatePersonAsync(app, $"r{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.LegalReviewer);
        using (var staff = await PortalSupport.SignedInAsync(app, staffPerson))
        {
            var release = $"/desk/demands/{id}/release";
            var form = await staff.GetAsync(release);
            PortalSupport.AssertEveryFormCarriesItsToken(form);
            var packageId = System.Text.RegularExpressions.Regex.Match(form, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
            var released = await staff.PostFormAsync(release, [new("PackageId", packageId), new("LifetimeDays", "7")]);
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
            Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.PackageReleased, id.ToString()));
        }

        using var mine = await PortalSupport.SignedInAsync(app, official.Person);
        var page = await mine.GetAsync($"/portal/demands/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/portal/downloads/[0-9a-f]{64})\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var download = await mine.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var package = await download.Content.ReadAsStringAsync();
        Assert.Contains("Portal User", package, StringComparison.Ordinal);
        Assert.Contains("\"manifest\"", package, StringComparison.Ordinal);
        var downloaded = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.PackageDownloaded, id.ToString()));
        Assert.StartsWith("official-", downloaded.Actor, StringComparison.Ordinal);
        await app.InScope(async sp => Assert.Equal(1, (await sp.GetRequiredService<RightsDeskDbContext>().PackageReleases.AsNoTracking().SingleAsync(r => r.DemandId == id)).Downloads));

        // The link is worth nothing to anyone else, even signed in to the portal, nor to nobody.
        var other = await PortalSupport.VerifiedOfficialAsync(app);
        using (var otherPortal = await PortalSupport.SignedInAsync(app, other.Person))
        {
            Assert.Contains("no download at this address", await otherPortal.GetAsync(link, HttpStatusCode.NotFound), StringComparison.Ordinal);
        }

        using (var anonymous = new PageSession(app))
        {
            await anonymous.GetAsync(link, HttpStatusCode.Redirect);
        }

        await mine.GetAsync("/portal/downloads/" + new string('a', 64), HttpStatusCode.NotFound);
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.PackageDownloaded, id.ToString()));

        app.Clock.Advance(TimeSpan.FromDays(8));
        using var later = await PortalSupport.SignedInAsync(app, official.Person);
        var expired = await later.GetAsync(link, HttpStatusCode.Gone);
        Assert.Contains("expired on", expired, StringComparison.Ordinal);
        Assert.Contains("Expired", await later.GetAsync($"/portal/demands/{id}"), StringComparison.Ordinal);
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.PackageDownloaded, id.ToString()));
    }

    [Fact]
    public async Task A_compartmented_demand_stays_out_of_the_requester_history_for_those_not_cleared()
    {
        var target = Target();
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/at-risk", new { id = target, category = "journalist" })).StatusCode);
        var (official, portal, id, _) = await SubmittedWarrantAsync(target);
        portal.Dispose();
        var detail = $"/desk/officials/{official.UserId}";

        var intake = await PageSession.CreatePersonAsync(app, $"i{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Intake);
        using (var s = await PortalSupport.SignedInAsync(app, intake))
        {
            var page = await s.GetAsync(detail);
            Assert.DoesNotContain(id.ToString(), page, StringComparison.Ordinal);
            Assert.Contains("Demands from this official <span class=\"count\">(0)</span>", page, StringComparison.Ordinal);
        }

        var cleared = await PageSession.CreatePersonAsync(app, $"h{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.HumanRightsLead);
        using (var s = await PortalSupport.SignedInAsync(app, cleared))
        {
            Assert.Contains($"/desk/demands/{id}", await s.GetAsync(detail), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Release_is_refused_for_a_demand_that_did_not_come_through_the_portal()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(TestRepo.Example("01-us-search-warrant"), Encoding.UTF8, "application/json"));
        var id = Guid.Parse(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        await app.InScope(async sp =>
        {
            var releases = sp.GetRequiredService<PackageReleaseService>();
            var refused = await Assert.ThrowsAsync<WorkflowException>(() => releases.ReleaseAsync(id, Guid.NewGuid(), "reviewer", null, default));
            Assert.Contains("did not come through the authority portal", refused.Message, StringComparison.Ordinal);
            var question = await Assert.ThrowsAsync<WorkflowException>(() => sp.GetRequiredService<ClarificationService>().AskAsync(id, "Which court?", Core.Cases.Actor.Person("reviewer", "reviewer"), default));
            Assert.Contains("by letter", question.Message, StringComparison.Ordinal);
        });
    }
}

public sealed class SqlitePortalDemandTests(SqliteDeskApp app) : PortalDemandTests<SqliteDeskApp>(app);

public sealed class PostgresPortalDemandTests(PostgresDeskApp app) : PortalDemandTests<PostgresDeskApp>(app);
