using System.Net;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Desk;

/// <summary>The intake form after a refusal: every value typed comes back, and each message sits beside its field.</summary>
public abstract class IntakeFormTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task Every_value_comes_back_after_a_refusal_and_each_error_is_beside_its_field()
    {
        var ines = await PageSession.CreatePersonAsync(app, $"ines-{Guid.NewGuid():N}"[..20] + "@desk.example", Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(ines);
        List<KeyValuePair<string, string>> posted =
        [
            new("kind", "contentRestriction"), new("emergency", "true"), new("emergencyJustification", "A threat to <life> & limb"),
            new("receivedAt", "2026-03-02T14:05"), new("channel", "fax"), new("deadline", "2026-03-16"),
            new("authority.name", "Landgericht \"Berlin\""), new("authority.country", "DEU"), new("authority.type", "court"),
            new("authority.officer", "Dr. A. Kessler"), new("authority.email", "not an address"), new("authority.phone", "+49 30 9014 0"),
            new("authority.reference", "27 O 112/25"), new("authority.verified", "true"),
            new("legalProcess", "courtOrder"), new("legalBasis", "§ 130 StGB"), new("offence", "Volksverhetzung"),
            new("statementOfReasons", "The post calls for violence.\nSecond line."), new("redress", "Appeal to the Kammergericht"),
            new("targets[0].type", "url"), new("targets[0].id", "https://social.example/p/1"), new("targets[0].country", "DE"),
            new("targets[1].type", "account"), new("targets[1].id", "acct-2"), new("targets[1].country", "XYZ"),
            new("dataCategories", "subscriberInfo"), new("dataCategories", "ipLogs"),
            new("dateRange.from", "2025-11-01"), new("dateRange.to", "2026-01-31"),
            new("restriction.action", "geoBlock"), new("restriction.territories", "DE"),
            new("nonDisclosure.required", "true"), new("nonDisclosure.until", "2026-09-02"), new("nonDisclosure.basis", "§ 101 StPO"),
            new("document.written", "true"), new("document.signed", "true"), new("document.officialLetterhead", "true"),
        ];

        var refused = await s.PostFormAsync("/desk/demands/new", posted);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // Countries are chosen from a list: a code not on it (posted by hand) cannot be shown as chosen, but its
        // message is still beside the list.
        FormHtml.AssertEveryValueComesBack(html, posted.Where(p => !p.Key.EndsWith(".country", StringComparison.Ordinal) || p.Value == "DE"));
        foreach (var field in new[] { "authority.country", "authority.email", "targets[1].country" })
        {
            FormHtml.AssertErrorBesideField(html, field);
        }
    }
}

public sealed class SqliteIntakeFormTests(SqliteDeskApp app) : IntakeFormTests<SqliteDeskApp>(app);

public sealed class PostgresIntakeFormTests(PostgresDeskApp app) : IntakeFormTests<PostgresDeskApp>(app);
