using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Tests.Moderation;

namespace RightsDesk.Core.Tests.Exports;

/// <summary>
/// The statements the export writes: what a reader of the Transparency Database would find in them (the measure,
/// the grounds, dates and case numbers) and what they never find (addresses, phone numbers, the post's own id, the
/// account), each statement checked against the database's rules before it is written.
/// </summary>
public sealed class DsaStatementTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static ModerationDecision Read(JsonObject o)
    {
        using var doc = JsonDocument.Parse(o.ToJsonString());
        var input = new JsonInput();
        var d = ModerationDecisionReader.Read(input, doc.RootElement, "");
        Assert.True(d is not null, string.Join("; ", input.Errors.Select(e => e.Field + " " + e.Message)));
        return d!;
    }

    [Fact]
    public void An_email_and_phones_are_redacted_while_dates_and_case_numbers_stay()
    {
        var r = FreeTextRedactor.Redact(
            "Reported on 2026-03-01 in case 2026/18342 (Az. 3 K 1234/26); write to jana.novak+mod@example.org or call +49 30 901820 or 030 9018 2000.",
            ["DE"]);
        Assert.Equal(1, r.Emails);
        Assert.Equal(2, r.Phones);
        Assert.Contains("2026-03-01", r.Text, StringComparison.Ordinal);
        Assert.Contains("2026/18342", r.Text, StringComparison.Ordinal);
        Assert.Contains("3 K 1234/26", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("901820", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9018 2000", r.Text, StringComparison.Ordinal);
        Assert.Contains("[redacted: email]", r.Text, StringComparison.Ordinal);
        Assert.Contains("[redacted: phone]", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_personal_data_is_left_as_written()
    {
        var text = "Removed under § 130 StGB on 01.03.2026, ticket 4471-2026, after 3 notices.";
        var r = FreeTextRedactor.Redact(text, ["DE"]);
        Assert.Equal(text, r.Text);
        Assert.False(r.Changed);
    }

    [Fact]
    public void A_statement_carries_a_pseudonym_the_database_fields_only_and_the_eea_part_of_its_scope()
    {
        var d = Read(Decisions.Valid("post-1001").With("territorialScope", new JsonArray("DE", "FR", "TR"))
            .With("decisionFacts", "Insults sent to maria@example.com, phone +33 6 12 34 56 78, on 2026-02-27."));
        var pseudonym = DsaStatement.Pseudonym(Key, d.Puid);
        var draft = DsaStatement.Build(d, pseudonym);
        var s = draft.Statement;

        Assert.Empty(DsaStatementRules.Validate(s));
        Assert.Equal(pseudonym, s["puid"]!.GetValue<string>());
        Assert.DoesNotContain("post-1001", s.ToJsonString(), StringComparison.Ordinal);
        Assert.Matches("^[a-zA-Z0-9_-]+$", pseudonym);
        Assert.Equal(["DE", "FR"], s["territorial_scope"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Insults sent to [redacted: email], phone [redacted: phone], on 2026-02-27.", s["decision_facts"]!.GetValue<string>());
        Assert.Equal((1, 1), (draft.Emails, draft.Phones));
        // RightsDesk's own fields and an Art. 16 notifier's identity stay behind.
        foreach (var name in new[] { "account", "user_language", "demand_id", "source_identity" })
        {
            Assert.False(s.ContainsKey(name), name);
        }

        Assert.Equal("2026-03-01", s["application_date"]!.GetValue<string>());
        Assert.Equal("DECISION_GROUND_INCOMPATIBLE_CONTENT", s["decision_ground"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_post_gets_the_same_pseudonym_and_another_key_another()
    {
        Assert.Equal(DsaStatement.Pseudonym(Key, "post-1"), DsaStatement.Pseudonym([.. Key], "post-1"));
        Assert.NotEqual(DsaStatement.Pseudonym(Key, "post-1"), DsaStatement.Pseudonym(Key, "post-2"));
        Assert.NotEqual(DsaStatement.Pseudonym(Key, "post-1"), DsaStatement.Pseudonym([.. Enumerable.Repeat((byte)7, 32)], "post-1"));
    }

    [Fact]
    public void A_global_measure_is_sent_as_the_thirty_eea_countries()
    {
        var s = DsaStatement.Build(Read(Decisions.Valid()), "rd-x").Statement;
        Assert.Equal(Tdb.Eea, s["territorial_scope"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void The_rules_refuse_what_the_database_would_refuse()
    {
        var s = DsaStatement.Build(Read(Decisions.Valid()), "rd-x").Statement;
        s["territorial_scope"] = new JsonArray("TR");
        s["decision_facts"] = new string('x', 5001);
        s["account"] = "@someone";
        s["category"] = "STATEMENT_CATEGORY_NOT_A_CATEGORY";
        var fields = DsaStatementRules.Validate(s).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "territorial_scope", "decision_facts", "account", "category" }, fields);
    }

    [Fact]
    public void A_redaction_that_makes_a_text_too_long_is_caught_by_the_rules()
    {
        var facts = string.Concat(Enumerable.Repeat("a@b.io ", 700));
        var draft = DsaStatement.Build(Read(Decisions.Valid().With("decisionFacts", facts)), "rd-x");
        Assert.Equal(700, draft.Emails);
        Assert.Contains(DsaStatementRules.Validate(draft.Statement), e => e.Field == "decision_facts");
    }
}
