using System.Text.Json;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Tests.Defenders;

/// <summary>The registry's identifiers in their canonical form: each way of writing one person's identifier matches.</summary>
public class AtRiskIdentifierTests
{
    private static readonly AtRiskList Registry = new(
    [
        (IdentifierKind.Handle, "@Maria@social.example", "journalist"),
        (IdentifierKind.Account, "acct-5512098", "humanRightsDefender"),
        (IdentifierKind.Email, "Amira.K@gmail.com", "activist"),
        (IdentifierKind.Email, "rio.verde@proton.me", "environmentalDefender"),
        (IdentifierKind.Email, "lena+press@outlook.com", "lawyer"),
        (IdentifierKind.Phone, "020 7946 0958", "academic"),
    ], country: "GB");

    private static string? CategoryOf(TargetType type, string id, string? country = null) =>
        Registry.Match([new Target(type, id, country is null ? null : CountryCode.Parse(country))]).SingleOrDefault()?.Category;

    [Theory]
    [InlineData(TargetType.Account, "@maria@social.example")]
    [InlineData(TargetType.Account, "maria@social.example")]
    [InlineData(TargetType.Account, "acct:maria@SOCIAL.EXAMPLE")]
    [InlineData(TargetType.Url, "https://social.example/@maria")]
    [InlineData(TargetType.Url, "https://social.example/@maria/")]
    [InlineData(TargetType.Url, "http://social.example/users/maria")]
    [InlineData(TargetType.Url, "https://social.example/web/@maria")]
    [InlineData(TargetType.Account, "\uFF20maria\uFF20social.example")]
    [InlineData(TargetType.Account, "@ma\u200Bria@social.example")]
    [InlineData(TargetType.Account, "\u2067@maria@social.example\u2069")]
    public void A_fediverse_handle_matches_in_every_form(TargetType type, string id) => Assert.Equal("journalist", CategoryOf(type, id));

    [Theory]
    [InlineData("acct-5512098")]
    [InlineData("ACCT-5512098")]
    [InlineData("\uFF41\uFF43\uFF43\uFF54-5512098")]
    [InlineData("acct-\u20605512098")]
    [InlineData(" acct-5512098 ")]
    public void An_account_id_matches_whatever_its_width_case_or_invisible_characters(string id) =>
        Assert.Equal("humanRightsDefender", CategoryOf(TargetType.Account, id));

    [Theory]
    [InlineData("amirak@gmail.com", "activist")]
    [InlineData("a.m.i.r.a.k+cases@googlemail.com", "activist")]
    [InlineData("AMIRA.K@GMAIL.COM", "activist")]
    [InlineData("rio-verde@protonmail.com", "environmentalDefender")]
    [InlineData("rio_verde+tips@pm.me", "environmentalDefender")]
    [InlineData("lena@outlook.com", "lawyer")]
    [InlineData("lena+other@outlook.com", "lawyer")]
    public void An_email_address_matches_as_its_provider_reads_it(string id, string category) => Assert.Equal(category, CategoryOf(TargetType.Email, id));

    [Theory]
    [InlineData("l.ena@outlook.com")]
    [InlineData("amirak@example.org")]
    [InlineData("amira.k@gmail.co")]
    public void Other_mailboxes_do_not_match(string id) => Assert.Null(CategoryOf(TargetType.Email, id));

    [Theory]
    [InlineData(TargetType.Phone, "+44 20 7946 0958", null)]
    [InlineData(TargetType.Phone, "+442079460958", null)]
    [InlineData(TargetType.Phone, "\uFF0B44 20 7946 0958", null)]
    [InlineData(TargetType.Phone, "(020) 7946-0958", "GB")]
    [InlineData(TargetType.Phone, "0044 20 7946 0958", "GB")]
    [InlineData(TargetType.Account, "+44 20 7946 0958", null)]
    public void A_phone_number_matches_in_E164_however_it_was_written(TargetType type, string id, string? country) =>
        Assert.Equal("academic", CategoryOf(type, id, country));

    [Fact]
    public void Other_people_do_not_match()
    {
        Assert.Null(CategoryOf(TargetType.Account, "@maria@other.example"));
        Assert.Null(CategoryOf(TargetType.Url, "https://social.example/@maria2"));
        Assert.Null(CategoryOf(TargetType.Phone, "+44 20 7946 0959"));
    }

    [Fact]
    public void Kinds_are_read_from_the_shape_of_entries_stored_without_one()
    {
        Assert.Equal(IdentifierKind.Handle, AtRiskIdentifiers.Infer("@maria_reports"));
        Assert.Equal(IdentifierKind.ProfileUrl, AtRiskIdentifiers.Infer("https://social.example/@maria"));
        Assert.Equal(IdentifierKind.Email, AtRiskIdentifiers.Infer("maria@example.org"));
        Assert.Equal(IdentifierKind.Phone, AtRiskIdentifiers.Infer("+44 20 7946 0958"));
        Assert.Equal(IdentifierKind.Account, AtRiskIdentifiers.Infer("acct-5512098"));
        // The earlier registry compared "@maria_reports" and "maria_reports" as one; the account form still does.
        Assert.Equal("journalist", new AtRiskList([("@maria_reports", "journalist")]).Match([new Target(TargetType.Account, "maria_reports")]).Single().Category);
    }
}

/// <summary>Four eyes on the registry, and the entry as the API and the desk's form send it.</summary>
public class AtRiskEntryTests
{
    private static readonly Actor Lena = Actor.Person("acc-lena", "lena");
    private static readonly Actor Ivan = Actor.Person("acc-ivan", "ivan");

    [Fact]
    public void A_change_is_approved_by_a_second_person_never_the_proposer_or_a_machine()
    {
        Assert.Throws<WorkflowException>(() => AtRiskTransitions.Approve(AtRiskStatus.Proposed, Lena, Lena));
        Assert.Throws<WorkflowException>(() => AtRiskTransitions.Approve(AtRiskStatus.Proposed, Lena, Actor.Machine("tok", "sync")));
        Assert.Equal(AtRiskStatus.Active, AtRiskTransitions.Approve(AtRiskStatus.Proposed, Lena, Ivan));
        Assert.Equal(AtRiskStatus.RemovalProposed, AtRiskTransitions.ProposeRemoval(AtRiskStatus.Active, Ivan));
        Assert.Equal(AtRiskStatus.Removed, AtRiskTransitions.Approve(AtRiskStatus.RemovalProposed, Ivan, Lena));
        Assert.Throws<WorkflowException>(() => AtRiskTransitions.Approve(AtRiskStatus.Active, Lena, Ivan));
        Assert.Throws<WorkflowException>(() => AtRiskTransitions.ProposeRemoval(AtRiskStatus.Active, Actor.Machine("tok", "sync")));
        Assert.True(AtRiskTransitions.Protects(AtRiskStatus.Proposed));
        Assert.True(AtRiskTransitions.Protects(AtRiskStatus.RemovalProposed));
        Assert.False(AtRiskTransitions.Protects(AtRiskStatus.Removed));
    }

    [Fact]
    public void An_entry_is_read_with_every_bad_field_named_by_its_path()
    {
        using var doc = JsonDocument.Parse("""
            {"identifiers":[{"kind":"phone","value":"12"},{"kind":"fax","value":"x"},{"kind":"email","value":"no-at"}],
             "category":"spy","source":"selfRequest","consentOn":"2026-01-01","extra":1}
            """);
        var refused = Assert.Throws<ValidationFailedException>(() => AtRiskEntryReader.Read(doc.RootElement));
        var fields = refused.Errors.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "identifiers[0].value", "identifiers[1].kind", "identifiers[2].value", "category", "consent", "consentOn", "extra" }, fields);
        Assert.Subset(fields, new HashSet<string> { "identifiers[0].value", "identifiers[1].kind", "identifiers[2].value", "category", "consent", "consentOn", "extra" });
    }

    [Fact]
    public void A_person_with_consent_and_several_identifiers_is_read_whole()
    {
        using var doc = JsonDocument.Parse("""
            {"identifiers":[{"kind":"handle","value":"@maria@social.example"},{"kind":"phone","value":"020 7946 0958"}],
             "category":"journalist","source":"partnerNomination","consent":true,"consentOn":"2026-11-02","reviewOn":"2027-05-01",
             "visibleTo":"lead","country":"gb","note":"nominated by a partner"}
            """);
        var entry = AtRiskEntryReader.Read(doc.RootElement);
        Assert.Equal(2, entry.Identifiers.Count);
        Assert.Equal(AtRiskVisibility.Lead, entry.VisibleTo);
        Assert.Equal(new DateOnly(2027, 5, 1), entry.ReviewOn);
        Assert.Equal("GB", entry.Country);
    }
}
