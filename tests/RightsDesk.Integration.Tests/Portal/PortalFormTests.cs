using System.Net;
using System.Text;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Portal;

/// <summary>The portal's forms after a refusal: every value typed comes back, and each message sits beside its field.</summary>
public abstract class PortalFormTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task Registration_brings_every_value_back_after_a_refusal_with_each_error_beside_its_field()
    {
        using var s = new PageSession(app);
        List<KeyValuePair<string, string>> posted =
        [
            new("name", "Dana \"D\" Whitfield"), new("title", "Special Agent"), new("authorityName", "FBI <Newark> & Co"),
            new("authorityType", "lawEnforcement"), new("country", "DE"), new("email", "dana@gmail.com"), new("phone", "+1 973 555 0100"),
        ];

        var response = await s.PostFormAsync("/portal/register", posted);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The country is chosen from a list, so the chosen one comes back selected.
        FormHtml.AssertEveryValueComesBack(html, posted);
        FormHtml.AssertErrorBesideField(html, "email");
        // The select's attributes are real attributes, not text printed into the page.
        Assert.DoesNotContain("required@", html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"f-authorityType\" name=\"authorityType\" required>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_brings_every_value_back_after_a_refusal_with_each_error_beside_its_field()
    {
        var official = await PortalSupport.VerifiedOfficialAsync(app);
        using var portal = await PortalSupport.SignedInAsync(app, official.Person);
        List<KeyValuePair<string, string>> posted =
        [
            new("kind", "userData"), new("legalProcess", "searchWarrant"), new("authority.reference", "NK-2026-\"04417\""),
            new("legalBasis", "18 U.S.C. § 2703(a)"), new("offence", "Wire fraud <1343>"),
            new("statementOfReasons", "Probable cause affidavit.\nSecond paragraph."), new("redress", "Motion to quash"),
            new("targets", "account acct-1\nprofile @someone"), new("dataCategories", "subscriberInfo"), new("dataCategories", "content"),
            new("dateRange.from", "2025-11-01"), new("dateRange.to", "2026-01-31"),
            new("restriction.action", "geoBlock"), new("restriction.territories", "US"),
            new("deadline", "2026-02-30"), new("emergency", "true"), new("emergencyJustification", "A child is missing."),
            new("nonDisclosure.required", "true"), new("nonDisclosure.until", "2026-09-02"), new("nonDisclosure.basis", "18 U.S.C. § 2705(b)"),
            new("document.signed", "true"), new("document.officialLetterhead", "true"),
        ];

        var response = await PortalSupport.SubmitAsync(portal, posted, ("warrant.pdf", "application/pdf", Encoding.ASCII.GetBytes(PortalSupport.Pdf)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        FormHtml.AssertEveryValueComesBack(html, posted);
        FormHtml.AssertErrorBesideField(html, "deadline");
        FormHtml.AssertErrorBesideField(html, "targets");
        Assert.Contains("Line 2: the type (the first word) must be one of", html, StringComparison.Ordinal);
    }
}

public sealed class SqlitePortalFormTests(SqliteDeskApp app) : PortalFormTests<SqliteDeskApp>(app);

public sealed class PostgresPortalFormTests(PostgresDeskApp app) : PortalFormTests<PostgresDeskApp>(app);
