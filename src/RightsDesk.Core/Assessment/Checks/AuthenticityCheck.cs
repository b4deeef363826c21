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

        var identityKnown = Requester(c);

        if (domain is not null && c.Policy.Operator.FreeMailDomains.Contains(domain, StringComparer.Ordinal))
        {
            c.Fail(Id, FindingCodes.AuthenticityFreeMail, $"The demand was sent from a free-mail address ({domain}); authorities write from official domains. This is the pattern of forged emergency data requests.", Standards.FakeEdr, ("domain", domain));
            c.Require(Recommendation.VerifyRequester, "the sender uses a free-mail address");
        }
        else if (domain is not null && c.Profile.OfficialEmailDomains.Count > 0 && !IsOfficial(domain, c.Profile.OfficialEmailDomains))
        {
            c.Concern(Id, FindingCodes.AuthenticityUnofficialDomain, $"The sender's domain ({domain}) is not among the official domains known for {c.Profile.Name}; confirm it through a published number.", Standards.FakeEdr, ("domain", domain), ("country", c.Profile.Name));
        }

        if (d.Document.Written && (!d.Document.Signed || !d.Document.OfficialLetterhead) && d.Channel is not Channel.Portal)
        {
            c.Concern(Id, d.Document.Signed ? FindingCodes.AuthenticityNoLetterhead : FindingCodes.AuthenticityNotSigned,
                "The document is " + (d.Document.Signed ? "not on official letterhead" : "not signed") + "; compare it with known genuine documents of this authority.", "Validity checklist (Kodex, Meta LEORS)");
        }

        // Where the portal account's record settles the identity, the demand's own "verified" claim adds nothing.
        if (identityKnown)
        {
            return;
        }

        if (a.Verified && c.Requester.Status is RequesterStatus.UnverifiedChannel && !c.TakesClaimsAsGiven)
        {
            // The sender's own word that it was verified is not a verification: only a call-back the desk recorded is.
            c.Concern(Id, FindingCodes.AuthenticityClaimNotRecorded, "The demand says its requester was verified, but no call-back is recorded on the desk; it is treated as unverified until staff call the authority back on an independently found number and record it.", Standards.FakeEdr);
            c.Require(Recommendation.VerifyRequester, "the claimed verification is not recorded");
        }
        else if (a.Verified)
        {
            c.Pass(Id, d.Channel is Channel.Portal ? FindingCodes.AuthenticityVerifiedPortal : FindingCodes.AuthenticityVerifiedOutOfBand, d.Channel is Channel.Portal
                ? "Submitted through a verified portal account."
                : "The requester's identity was confirmed out of band.", Standards.Gni);
        }
        else if (emergency)
        {
            c.Fail(Id, FindingCodes.AuthenticityUnverifiedEmergency, "An emergency is claimed through a channel whose sender has not been verified. Call the agency back on an independently obtained number before acting.", Standards.FakeEdr);
            c.Require(Recommendation.VerifyRequester, "an unverified emergency claim");
        }
        else if (d.Kind is not DemandKind.Preservation)
        {
            c.Concern(Id, FindingCodes.AuthenticityUnverified, $"The requester's identity has not been confirmed; demands by {c.Words.Of(d.Channel)} are verified out of band before anything is disclosed or restricted.", Standards.Gni, ("channel", JsonNames.Of(d.Channel)));
            c.Require(Recommendation.VerifyRequester, "the requester is not yet verified");
        }
    }

    /// <summary>
    /// What the portal's records say about the requester. Returns whether they settle the identity question, so the
    /// demand's own "verified" claim is not weighed on top.
    /// </summary>
    private bool Requester(AssessmentContext c)
    {
        var since = c.Requester.Since is { } d ? $" on {d:yyyy-MM-dd}" : "";
        switch (c.Requester.Status)
        {
            case RequesterStatus.VerifiedPortal:
                c.Pass(Id, FindingCodes.AuthenticityPortalAccountVerified, $"Submitted through a portal account whose holder staff verified{since} by calling the authority back on an independently found number; the account signs in with a password and an authenticator code.", Standards.PortalVerification, Since(c));
                return true;
            case RequesterStatus.UnverifiedPortal:
                c.Concern(Id, FindingCodes.AuthenticityPortalAccountUnverified, "The portal account this demand came from is not verified (pending, rejected or suspended); confirm the demand with the authority through an independently found number.", Standards.PortalVerification);
                c.Require(Recommendation.VerifyRequester, "the requester's portal account is not verified");
                return true;
            case RequesterStatus.FlaggedForged:
                // A verified account that sent a forgery is compromised or was obtained by deceit: its verification is void.
                c.Fail(Id, FindingCodes.AuthenticityFlaggedForged, $"A demand from this portal account was found forged (flagged{since}); the account may be compromised or impersonated. Nothing is disclosed or restricted until the authority confirms this demand through a number the desk finds independently.", Standards.FakeEdr, Since(c));
                c.Require(Recommendation.VerifyRequester, "the requester's account is flagged for a forged demand");
                return true;
            case RequesterStatus.FlaggedAbusive:
                // Identity is not in doubt; conduct is. The demand's own verification claim still stands for identity.
                c.Concern(Id, FindingCodes.AuthenticityFlaggedAbusive, $"Earlier demands from this requester were found abusive (flagged{since}): overbroad, pretextual or aimed at protected expression. The human rights lead reviews this one, more approvers are needed, and it is read as narrowly as its terms allow.", Standards.Gni + "; " + Standards.Ungp, Since(c));
                c.Escalate("the requester is flagged for abusive demands");
                return false;
            case RequesterStatus.VerifiedCallBack:
                c.Pass(Id, FindingCodes.AuthenticityVerifiedCallBack, $"Staff recorded on the desk{since} that they called the authority back on an independently found number and the demand was confirmed.", Standards.PortalVerification, Since(c));
                return true;
            default:
                return false;
        }
    }

    private static (string, string)[] Since(AssessmentContext c) =>
        c.Requester.Since is { } d ? [("since", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))] : [];

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
