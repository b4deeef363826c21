using RightsDesk.Core.Moderation.Misuse;

namespace RightsDesk.Core.Tests.Moderation;

/// <summary>What the desk and the API refuse before anything is stored: a party that cannot have done that kind of
/// misuse, a missing id or address, reasons the party could not act on, an unknown language; and that one party
/// written two ways is one party.</summary>
public sealed class MisuseRequestsTests
{
    private const string Reasons = "Twelve notices in a month named lawful news reports as terrorist content.";

    [Theory]
    [InlineData(MisuseKind.IllegalContent, MisuseParty.Account, true)]
    [InlineData(MisuseKind.IllegalContent, MisuseParty.Notifier, false)]
    [InlineData(MisuseKind.UnfoundedNotices, MisuseParty.Notifier, true)]
    [InlineData(MisuseKind.UnfoundedNotices, MisuseParty.Account, false)]
    [InlineData(MisuseKind.UnfoundedComplaints, MisuseParty.Account, true)]
    [InlineData(MisuseKind.UnfoundedComplaints, MisuseParty.Notifier, true)]
    public void Content_comes_from_accounts_notices_from_notifiers_and_complaints_from_either(MisuseKind kind, MisuseParty party, bool fits) =>
        Assert.Equal(fits, MisuseRequests.Fits(kind, party));

    [Fact]
    public void Every_bad_field_is_named_and_a_sound_request_passes()
    {
        var bad = MisuseRequests.Check(new MisuseRequest(MisuseKind.IllegalContent, MisuseParty.Notifier, "not an address", "short", "de"));
        Assert.Equal(["party", "partyId", "reasons", "language"], bad.Select(e => e.Field));
        Assert.Contains("name the account", bad[0].Message, StringComparison.Ordinal);
        Assert.Empty(MisuseRequests.Check(new MisuseRequest(MisuseKind.UnfoundedNotices, MisuseParty.Notifier, "lena@mail.example", Reasons, "fa")));
        Assert.Equal("partyId", Assert.Single(MisuseRequests.Check(new MisuseRequest(MisuseKind.IllegalContent, MisuseParty.Account, new string('a', 255), Reasons, null))).Field);
    }

    [Fact]
    public void One_party_written_two_ways_is_one_party()
    {
        Assert.Equal(MisuseRequests.Canonical(MisuseParty.Notifier, " Lena@Mail.Example "), MisuseRequests.Canonical(MisuseParty.Notifier, "lena@mail.example"));
        Assert.Equal(MisuseRequests.Canonical(MisuseParty.Account, "@Poster@Example.Social"), MisuseRequests.Canonical(MisuseParty.Account, "@poster@example.social"));
        Assert.NotEqual(MisuseRequests.Canonical(MisuseParty.Account, "@one@example.social"), MisuseRequests.Canonical(MisuseParty.Account, "@two@example.social"));
    }
}
