using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Exports;

namespace RightsDesk.Core.Tests.Exports;

/// <summary>
/// The Lumen notice of a takedown demand: which targets name a user (and so are redacted), when a demand is held
/// back, and what the notice says was done.
/// </summary>
public sealed class LumenNoticeTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Demand Takedown(LegalProcess process, AuthorityType type, NonDisclosure? gag = null, params Target[] targets) => new()
    {
        Kind = DemandKind.ContentRestriction,
        ReceivedAt = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero),
        Channel = Channel.Post,
        Authority = new Authority("Landgericht Berlin", CountryCode.Parse("DE"), type, "Richterin A. Kessler", "a.kessler@lg.berlin.de", true, Reference: "27 O 112/25"),
        LegalProcess = process,
        LegalBasis = "§ 130 StGB; § 1004 BGB analog",
        Targets = targets,
        Restriction = new Restriction(RestrictionAction.Remove, ["*"]),
        NonDisclosure = gag,
        Document = new DocumentFacts(true, true, true),
    };

    private static Decision Restricted(params string[] territories) =>
        new(Recommendation.RestrictInJurisdiction, "rita@desk.example", new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero), null, false, [], [0], territories, 1);

    [Theory]
    [InlineData("https://social.example/@jana.novak", true)]
    [InlineData("https://social.example/@jana.novak/11223344", true)]
    [InlineData("https://social.example/users/jana", true)]
    [InlineData("https://social.example/jana_novak", true)]
    [InlineData("https://social.example/profile.php?id=100012", true)]
    [InlineData("https://social.example/p/99120455", false)]
    [InlineData("https://social.example/99120455", false)]
    [InlineData("https://video.example/watch?v=dQw4w9WgXcQ", false)]
    public void An_account_url_is_told_from_a_post_url(string url, bool account) =>
        Assert.Equal(account, AccountIdentifiers.IsAccountUrl(url));

    [Fact]
    public void A_court_order_names_the_court_not_the_judge_and_redacts_the_account_with_its_reason()
    {
        var demand = Takedown(LegalProcess.CourtOrder, AuthorityType.Court, null,
            new Target(TargetType.Url, "https://social.example/p/99120455"), new Target(TargetType.Account, "@jana.novak"));
        var draft = LumenNotice.Build(demand, Restricted("DE"), "Example Social");
        var n = draft.Notice;
        Assert.Equal("CourtOrder", draft.Type);
        Assert.Equal("2026-05-02", n["date_received"]!.GetValue<string>());
        Assert.Equal("DE", n["jurisdiction_list"]!.GetValue<string>());
        Assert.Equal("§ 130 StGB, § 1004 BGB analog", n["regulation_list"]!.GetValue<string>());
        Assert.Equal("Partial", n["action_taken"]!.GetValue<string>());
        Assert.Equal("https://social.example/p/99120455", n["works_attributes"]![0]!["infringing_urls_attributes"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("[redacted: account]", n["works_attributes"]![1]!["infringing_urls_attributes"]![0]!["url"]!.GetValue<string>());
        var json = n.ToJsonString();
        Assert.DoesNotContain("Kessler", json, StringComparison.Ordinal);
        Assert.DoesNotContain("jana", json, StringComparison.Ordinal);
        Assert.Contains(draft.Redactions, r => r.Kind == LumenRedactionKind.Account && r.Field == "works_attributes[1].infringing_urls_attributes[0].url");
        Assert.Contains(draft.Redactions, r => r.Kind == LumenRedactionKind.Official);
        Assert.Contains("personal data", n["notes"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_demand_is_held_while_its_gag_binds_and_exported_the_day_after_it_ends()
    {
        var gagged = Takedown(LegalProcess.AdministrativeOrder, AuthorityType.Executive, new NonDisclosure(true, Today, "Art. 9"), new Target(TargetType.Url, "https://social.example/p/1"));
        Assert.Equal(LumenSkip.NonDisclosureInForce, LumenNotice.Skip(gagged, DemandState.Decided, Restricted("DE"), Today));
        Assert.Null(LumenNotice.Skip(gagged, DemandState.Decided, Restricted("DE"), Today.AddDays(1)));
        var indefinite = gagged with { NonDisclosure = new NonDisclosure(true, null, "Art. 9") };
        Assert.Equal(LumenSkip.NonDisclosureInForce, LumenNotice.Skip(indefinite, DemandState.Decided, Restricted("DE"), Today.AddYears(5)));
        Assert.Equal("GovernmentRequest", LumenNotice.TypeOf(gagged));
    }

    [Fact]
    public void Only_a_recorded_decision_is_exported()
    {
        var d = Takedown(LegalProcess.CourtOrder, AuthorityType.Court, null, new Target(TargetType.Url, "https://social.example/p/1"));
        Assert.Equal(LumenSkip.NoDecision, LumenNotice.Skip(d, DemandState.Assessed, null, Today));
        Assert.Equal(LumenSkip.AwaitingApproval, LumenNotice.Skip(d, DemandState.AwaitingApproval, Restricted("DE"), Today));
        var clarify = Restricted() with { Outcome = Recommendation.RequestClarification };
        Assert.Equal(LumenSkip.WaitingForAuthority, LumenNotice.Skip(d, DemandState.ClarificationRequested, clarify, Today));
        var rejected = Restricted() with { Outcome = Recommendation.Reject };
        Assert.Null(LumenNotice.Skip(d, DemandState.Decided, rejected, Today));
        Assert.Equal("No", LumenNotice.ActionTaken(d, rejected));
        Assert.Equal("Yes", LumenNotice.ActionTaken(d, Restricted("*")));
    }
}
