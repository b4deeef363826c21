using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Is the requester who they say they are? Forged "emergency" requests from compromised or free-mail accounts
/// have obtained user data from large platforms; nothing is disclosed on an unverified identity.
/// </summary>
internal sealed class AuthenticityCheck : IAssessmentCheck
{
    public string Id => "authenticity";

    public void Run(AssessmentContext c)
    {
        var d = c.Demand;
        var a = d.Authority;
        var emergency = d.Emergency || d.LegalProcess is LegalProcess.EmergencyRequest;
        var domain = a.Email is { } e ? e[(e.LastIndexOf('@') + 1)..].ToLowerInvariant() : null;

        if (c.Requester.Flagged)
        {
            c.Fail(Id, $"This requester is flagged from earlier demands ({c.Requester.FlagReason ?? "forged or abusive"}); verify every detail out of band.", Standards.FakeEdr);
            c.Require(Recommendation.VerifyRequester, "the requester is flagged");
        }

        if (domain is not null && c.Policy.Operator.FreeMailDomains.Contains(domain, StringComparer.Ordinal))
        {
            c.Fail(Id, $"The demand was sent from a free-mail address ({domain}); authorities write from official domains. This is the pattern of forged emergency data requests.", Standards.FakeEdr);
            c.Require(Recommendation.VerifyRequester, "the sender uses a free-mail address");
        }
        else if (domain is not null && c.Profile.OfficialEmailDomains.Count > 0 && !IsOfficial(domain, c.Profile.OfficialEmailDomains))
        {
            c.Concern(Id, $"The sender's domain ({domain}) is not among the official domains known for {c.Profile.Name}; confirm it through a published number.", Standards.FakeEdr);
        }

        if (a.Verified)
        {
            c.Pass(Id, d.Channel is Channel.Portal
                ? "Submitted through a verified portal account."
                : "The requester's identity was confirmed out of band.", Standards.Gni);
        }
        else if (emergency)
        {
            c.Fail(Id, "An emergency is claimed through a channel whose sender has not been verified. Call the agency back on an independently obtained number before acting.", Standards.FakeEdr);
            c.Require(Recommendation.VerifyRequester, "an unverified emergency claim");
        }
        else if (d.Kind is not DemandKind.Preservation)
        {
            c.Concern(Id, $"The requester's identity has not been confirmed; demands by {JsonNames.Of(d.Channel)} are verified out of band before anything is disclosed or restricted.", Standards.Gni);
            c.Require(Recommendation.VerifyRequester, "the requester is not yet verified");
        }

        if (d.Document.Written && (!d.Document.Signed || !d.Document.OfficialLetterhead) && d.Channel is not Channel.Portal)
        {
            c.Concern(Id, "The document is " + (d.Document.Signed ? "not on official letterhead" : "not signed") + "; compare it with known genuine documents of this authority.", "Validity checklist (Kodex, Meta LEORS)");
        }
    }

    private static bool IsOfficial(string domain, IReadOnlyList<string> official)
    {
        foreach (var suffix in official)
        {
            var s = suffix.ToLowerInvariant();
            if (s.StartsWith('.') ? domain.EndsWith(s, StringComparison.Ordinal) || domain == s[1..] : domain == s || domain.EndsWith("." + s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
