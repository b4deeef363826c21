using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Portal;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Portal;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>
/// Resetting an official's authenticator. Tried as a new user would: an administrator reset an official's account,
/// enrolled it himself from the link the desk showed and downloaded released packages. Now the link goes only to the
/// registered address, and the account cannot download or submit until a call-back is recorded again.
/// </summary>
public abstract class OfficialResetTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static readonly Regex AnyEnrolLink = new("/account/enrol\\?token=", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>A verified official with a released package on a demand they sent, and the package's download path.</summary>
    private async Task<(Official Official, Guid Demand, string Download)> ReleasedAsync()
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        var target = "acct-reset-" + Guid.NewGuid().ToString("N")[..8];
        Guid id;
        using (var portal = await PortalSupport.SignedInAsync(app, official.Person))
        {
            id = PortalSupport.DemandIdFrom(await PortalSupport.SubmitAsync(portal, PortalSupport.Warrant(target), PortalSupport.PdfDocument));
        }

        var dir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "contact.json"), "{\"email\":\"user-reset@users.example.org\",\"language\":\"en\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "subscriberInfo.json"), "{\"name\":\"Reset User\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "content.json"), "{\"messages\":3}");
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" })).StatusCode);
        var lead = await app.ClientFor(Roles.HumanRightsLead, "lead-reset");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { })).StatusCode);
        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<NoticeJob>().RunAsync(default);
            await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
        });
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null)).StatusCode);
        var packageId = "";
        await app.InScope(async sp => packageId = (await sp.GetRequiredService<RightsDeskDbContext>().DisclosurePackages.AsNoTracking().SingleAsync(p => p.DemandId == id)).Id.ToString());
        await app.InScope(sp => sp.GetRequiredService<PackageReleaseService>().ReleaseAsync(id, Guid.Parse(packageId), "reviewer@desk.example", null, default));

        using var mine = await PortalSupport.SignedInAsync(app, official.Person);
        var download = Regex.Match(await mine.GetAsync($"/portal/demands/{id}"), "href=\"(/portal/downloads/[0-9a-f]{64})\"").Groups[1].Value;
        Assert.NotEmpty(download);
        Assert.Equal(HttpStatusCode.OK, (await mine.Client.GetAsync(download)).StatusCode);
        return (official, id, download);
    }

    [Fact]
    public async Task An_administrator_cannot_reset_an_official_nor_see_a_link_and_the_official_is_untouched()
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        var admin = await PageSession.CreatePersonAsync(app, $"a{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Admin);
        using var desk = await PortalSupport.SignedInAsync(app, admin);
        var refused = await desk.PostFormAsync("/desk/admin", [new("id", official.UserId)], "/desk/admin?handler=reset");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This is an official's account. Reset it on the official's page under Officials", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyEnrolLink, html);
        // Nor on the official's page: an administrator has no business with officials at all.
        var other = await desk.PostFormAsync("/desk/admin", [], $"/desk/officials/{official.UserId}?handler=reset");
        Assert.DoesNotContain("done=reset", other.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyEnrolLink, await other.Content.ReadAsStringAsync());
        Assert.Empty(await PortalSupport.LedgerAsync(app, LedgerEventCode.EnrolmentReset, official.UserId));
        Assert.Empty(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialAuthenticatorReset, official.UserId));
        using var still = await PortalSupport.SignedInAsync(app, official.Person);
    }

    [Fact]
    public async Task Staff_reset_mails_the_link_to_the_registered_address_and_nothing_is_downloaded_or_submitted_until_a_call_back()
    {
        var (official, demand, download) = await ReleasedAsync();
        using var session = await PortalSupport.SignedInAsync(app, official.Person);
        var intake = await PageSession.CreatePersonAsync(app, $"i{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Intake);
        using var staff = await PortalSupport.SignedInAsync(app, intake);
        var detail = $"/desk/officials/{official.UserId}";
        var form = await staff.GetAsync(detail);
        Assert.Contains("id=\"reset-authenticator\"", form, StringComparison.Ordinal);
        Assert.Contains("never shown here", form, StringComparison.Ordinal);

        // A reason is required, and nothing happens without one.
        var bare = await staff.PostFormAsync(detail, [new("ResetReason", "")], detail + "?handler=reset");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Empty(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialAuthenticatorReset, official.UserId));

        var reset = await staff.PostFormAsync(detail, [new("ResetReason", "Phoned the duty desk: the agent's phone with the authenticator was lost.")], detail + "?handler=reset");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var after = await staff.GetAsync(reset.Headers.Location!.ToString());
        Assert.Contains("a new enrolment link is on its way to the registered address", after, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyEnrolLink, after);
        var recorded = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialAuthenticatorReset, official.UserId));
        Assert.Equal(intake.Email, recorded.Actor);
        Assert.Contains("\"from\":\"verified\"", recorded.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", recorded.Data, StringComparison.OrdinalIgnoreCase);

        // The official's session has ended and the old password no longer works.
        await session.GetAsync("/portal", HttpStatusCode.Redirect);
        using (var old = new PageSession(app))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await old.SignInAsync(official.Person)).StatusCode);
        }

        // The link went to the registered address only, through the outbox.
        await app.InScope(async sp => Assert.Equal(OfficialVerification.Pending,
            (await sp.GetRequiredService<RightsDeskDbContext>().Officials.AsNoTracking().SingleAsync(o => o.UserId == official.UserId)).Verification));
        var (mail, link) = await PortalSupport.MailToAsync(app, official.Person.Email);
        Assert.NotNull(link);
        Assert.Single(mail.To);
        Assert.Contains("cannot submit demands or download answers", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("lost", mail.TextBody, StringComparison.Ordinal);

        // Whoever enrols from that link can sign in, but downloads and submits nothing until a person calls back.
        var renewed = await PortalSupport.EnrolAsync(app, link!);
        using var back = await PortalSupport.SignedInAsync(app, renewed.Person);
        Assert.Contains("waiting for verification", await back.GetAsync("/portal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await back.Client.GetAsync(download)).StatusCode);
        var waiting = await back.GetAsync($"/portal/demands/{demand}");
        Assert.DoesNotContain("/portal/downloads/", waiting, StringComparison.Ordinal);
        Assert.Contains("id=\"downloads-wait\"", waiting, StringComparison.Ordinal);
        await back.GetAsync("/portal/submit", HttpStatusCode.Forbidden);

        await app.InScope(sp => sp.GetRequiredService<OfficialReview>().VerifyAsync(official.UserId,
            new CallBack("The agency's page on fbi.gov, switchboard", "+1 973 555 0199", "Duty officer, Newark switchboard",
                "Confirmed the agent enrolled again after losing the phone.", true), intake.Email, default));
        Assert.Equal(HttpStatusCode.OK, (await back.Client.GetAsync(download)).StatusCode);
    }
}

public sealed class SqliteOfficialResetTests(SqliteDeskApp app) : OfficialResetTests<SqliteDeskApp>(app);

public sealed class PostgresOfficialResetTests(PostgresDeskApp app) : OfficialResetTests<PostgresDeskApp>(app);
