using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>Officials register, prove their mailbox, and wait for staff to verify them by call-back.</summary>
public abstract class RegistrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private async Task<int> Accounts(string email)
    {
        var count = 0;
        await app.InScope(async sp => count = await sp.GetRequiredService<RightsDeskDbContext>().Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        return count;
    }

    [Theory]
    [InlineData("gmail.com", "free-mail provider")]
    [InlineData("yahoo.co.uk", "free-mail provider")]
    [InlineData("proton.me", "free-mail provider")]
    [InlineData("fbi-secure-portal.com", "not recognised as an official government domain")]
    [InlineData("gov.example.net", "not recognised as an official government domain")]
    public async Task Free_mail_and_unofficial_domains_are_refused_with_a_reason_and_nothing_is_created(string domain, string reason)
    {
        var email = PortalSupport.NewEmail(domain);
        using var s = new PageSession(app);
        var response = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("id=\"err-email\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"err-email\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Accounts(email));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        using var s = new PageSession(app);
        var response = await s.PostFormAsync("/portal/register", [new("name", ""), new("country", "XX"), new("email", "not-an-address"), new("phone", "call me")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "name", "title", "authorityName", "authorityType", "country", "email", "phone" })
        {
            Assert.Contains($"id=\"err-{field}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Registration_mails_a_one_time_link_to_the_official_address_and_leaves_the_account_pending()
    {
        var email = PortalSupport.NewEmail("newark.fbi.gov");
        using var s = new PageSession(app);
        var registered = await s.PostFormAsync("/portal/register", PortalSupport.Registration(email));
        var page = await registered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your official mailbox", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/enrol?token=", page, StringComparison.Ordinal);

        var (mail, link) = await PortalSupport.MailToAsync(app, email);
        Assert.NotNull(link);
        Assert.Contains("call your authority back", mail.TextBody, StringComparison.Ordinal);

        // The person enrols through the page, as in a browser: the key is on the page, the code from the app.
        var enrolPage = await s.GetAsync(link!.Replace("https://localhost", "", StringComparison.Ordinal));
        var secret = System.Text.RegularExpressions.Regex.Match(enrolPage, "id=\"totp-secret\">([a-z2-7 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var person = new Person(email, "amber window quiet harbour", secret, app.Clock);
        var enrolled = await s.PostFormAsync(link.Replace("https://localhost", "", StringComparison.Ordinal), [new("Password", person.Password), new("Confirm", person.Password), new("Code", person.Code())]);
        Assert.Contains("Your account is ready", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signIn = await s.SignInAsync(person);
        Assert.Equal("/portal", signIn.Headers.Location?.ToString());
        Assert.Contains("waiting for verification", await s.GetAsync("/portal"), StringComparison.Ordinal);
        Assert.Contains("cannot submit demands yet", await s.GetAsync("/portal/submit", HttpStatusCode.Forbidden), StringComparison.Ordinal);

        // A pending account cannot submit by posting the form either.
        var token = PortalSupport.Field(await s.GetAsync("/portal", HttpStatusCode.OK), "__rd_form");
        var post = await s.Client.PostAsync("/portal/submit", new FormUrlEncodedContent([new("__rd_form", token), .. PortalSupport.Warrant("acct-pending-1")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var userId = "";
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
            userId = user.Id;
            Assert.StartsWith("official-", user.UserName, StringComparison.Ordinal);
            var profile = await db.Officials.SingleAsync(o => o.UserId == user.Id);
            Assert.Equal(OfficialVerification.Pending, profile.Verification);
            Assert.Equal("newark.fbi.gov", profile.EmailDomain);
            Assert.Equal(0, await db.Demands.CountAsync(d => d.RequesterUserId == user.Id));
        });

        var events = await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialRegistered, userId);
        var registeredEvent = Assert.Single(events);
        Assert.Equal("anonymous", registeredEvent.Actor);
        Assert.DoesNotContain(email, registeredEvent.Data, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Whitfield", registeredEvent.Data, StringComparison.Ordinal);
        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.AccountEnrolled, userId));

        // Registering the same address again looks the same on the page; the mailbox hears that an account exists.
        using var again = new PageSession(app);
        var second = await again.PostFormAsync("/portal/register", PortalSupport.Registration(email));
        Assert.Contains("Check your official mailbox", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (notice, noLink) = await PortalSupport.MailToAsync(app, email);
        Assert.Null(noLink);
        Assert.Contains("already has an account", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await Accounts(email));
    }

    [Fact]
    public async Task Staff_verify_with_a_recorded_call_back_and_then_the_official_can_submit()
    {
        var official = await PortalSupport.EnrolledOfficialAsync(app);
        var intake = await PageSession.CreatePersonAsync(app, $"i{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Intake);
        using var staff = await PortalSupport.SignedInAsync(app, intake);

        Assert.Contains($"/desk/officials/{official.UserId}", await staff.GetAsync("/desk/officials"), StringComparison.Ordinal);
        var detail = $"/desk/officials/{official.UserId}";
        var record = await staff.GetAsync(detail);
        Assert.Contains("Dana Whitfield", record, StringComparison.Ordinal);
        Assert.Contains("do not verify on this number", record, StringComparison.Ordinal);
        PortalSupport.AssertEveryFormCarriesItsToken(record);
        using (var anonymous = new PageSession(app))
        {
            PortalSupport.AssertEveryFormCarriesItsToken(await anonymous.GetAsync("/portal/register"));
        }

        Assert.Contains(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialContactRead, official.UserId), e => e.Actor == intake.Email);

        var incomplete = await staff.PostFormAsync(detail, [new("NumberSource", "phone"), new("WhoAnswered", ""), new("Confirmed", "ok")], detail + "?handler=verify");
        var refusal = await incomplete.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        foreach (var field in new[] { "NumberSource", "WhoAnswered", "Confirmed", "NumberNotFromRegistration" })
        {
            Assert.Contains($"id=\"err-{field}\"", refusal, StringComparison.Ordinal);
        }

        const string confirmed = "Switchboard confirmed Special Agent Whitfield works in the cyber squad and registered this address.";
        var verified = await staff.PostFormAsync(detail,
            [new("NumberSource", "FBI Newark field office page on fbi.gov"), new("NumberCalled", "+1 973 555 0199"), new("WhoAnswered", "Duty officer at the switchboard"),
             new("Confirmed", confirmed), new("NumberNotFromRegistration", "true")], detail + "?handler=verify");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var after = await staff.GetAsync(detail + "?done=verified");
        Assert.Contains(confirmed, after, StringComparison.Ordinal);
        Assert.Contains("FBI Newark field office page on fbi.gov", after, StringComparison.Ordinal);

        var verifiedEvent = Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialVerified, official.UserId));
        Assert.Equal(intake.Email, verifiedEvent.Actor);
        Assert.Contains("callBack", verifiedEvent.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("switchboard", verifiedEvent.Data, StringComparison.OrdinalIgnoreCase);
        await app.InScope(async sp =>
        {
            var profile = await sp.GetRequiredService<RightsDeskDbContext>().Officials.AsNoTracking().SingleAsync(o => o.UserId == official.UserId);
            Assert.Equal(OfficialVerification.Verified, profile.Verification);
            Assert.Equal(intake.Email, profile.VerifiedBy);
            // The call-back note and the contact are sealed at rest.
            Assert.DoesNotContain("Switchboard", System.Text.Encoding.UTF8.GetString(profile.SealedVerificationNote!), StringComparison.Ordinal);
            Assert.DoesNotContain("Whitfield", System.Text.Encoding.UTF8.GetString(profile.SealedContact), StringComparison.Ordinal);
        });

        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        Assert.Contains("Send the demand", await portal.GetAsync("/portal/submit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_official_verify_can_look_but_not_verify_and_others_cannot_look()
    {
        var official = await PortalSupport.EnrolledOfficialAsync(app);
        var detail = $"/desk/officials/{official.UserId}";

        var approver = await PageSession.CreatePersonAsync(app, $"a{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Approver);
        using (var s = await PortalSupport.SignedInAsync(app, approver))
        {
            Assert.Contains("can read this record but not change it", await s.GetAsync(detail), StringComparison.Ordinal);
            var forbidden = await s.PostFormAsync(detail,
                [new("NumberSource", "The agency's official website"), new("WhoAnswered", "Switchboard"), new("Confirmed", "Confirmed the person and the address."), new("NumberNotFromRegistration", "true")],
                detail + "?handler=verify");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            var flag = await s.PostFormAsync(detail, [new("Flag", "forged"), new("FlagReason", "Trying to flag without the permission.")], detail + "?handler=flag");
            Assert.Equal(HttpStatusCode.Forbidden, flag.StatusCode);
        }

        var auditor = await PageSession.CreatePersonAsync(app, $"u{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.Auditor);
        using (var s = await PortalSupport.SignedInAsync(app, auditor))
        {
            await s.GetAsync("/desk/officials", HttpStatusCode.Forbidden);
            await s.GetAsync(detail, HttpStatusCode.Forbidden);
        }

        // An official is not staff: the desk is closed to them.
        using (var s = await PortalSupport.SignedInAsync(app, official.Person))
        {
            await s.GetAsync("/desk/officials", HttpStatusCode.Redirect);
            Assert.Contains("/account/denied", s.Last!.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        await app.InScope(async sp =>
            Assert.Equal(OfficialVerification.Pending, (await sp.GetRequiredService<RightsDeskDbContext>().Officials.SingleAsync(o => o.UserId == official.UserId)).Verification));
        Assert.Empty(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialVerified, official.UserId));
        Assert.Empty(await PortalSupport.LedgerAsync(app, LedgerEventCode.OfficialFlagged, official.UserId));
    }

    [Fact]
    public async Task Suspending_a_verified_official_ends_their_session_and_verifying_again_reinstates_them()
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        var reviewer = await PageSession.CreatePersonAsync(app, $"r{Guid.NewGuid():N}"[..10] + "@desk.example", Roles.LegalReviewer);
        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        await portal.GetAsync("/portal");

        using var staff = await PortalSupport.SignedInAsync(app, reviewer);
        var detail = $"/desk/officials/{official.UserId}";
        var suspended = await staff.PostFormAsync(detail, [new("Reason", "Suspected account takeover reported by the agency.")], detail + "?handler=suspend");
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        await portal.GetAsync("/portal", HttpStatusCode.Redirect);
        using (var refused = new PageSession(app))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await refused.SignInAsync(official.Person)).StatusCode);
        }

        Assert.Single(await PortalSupport.LedgerAsync(app, LedgerEventCode.AccountDisabled, official.UserId));

        var reinstated = await staff.PostFormAsync(detail,
            [new("NumberSource", "The agency's official website"), new("WhoAnswered", "Security officer"), new("Confirmed", "The account was recovered and the agent confirmed it is theirs."), new("NumberNotFromRegistration", "true")],
            detail + "?handler=verify");
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        using var back = await PortalSupport.SignedInAsync(app, official.Person);
        await back.GetAsync("/portal");
    }
}

public sealed class SqliteRegistrationTests(SqliteDeskApp app) : RegistrationTests<SqliteDeskApp>(app);

public sealed class PostgresRegistrationTests(PostgresDeskApp app) : RegistrationTests<PostgresDeskApp>(app);
