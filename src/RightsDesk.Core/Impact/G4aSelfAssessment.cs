using System.Globalization;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Impact;

/// <summary>An assessment as RDR G4a reads it: what started it, where, whether it is signed and current, which rights its risks name, its assurance.</summary>
public sealed record G4aAssessment(AssessmentTrigger Trigger, IReadOnlyList<string> Countries, bool SignedOff, bool Current, IReadOnlySet<string> Rights, bool Assured, bool Accredited);

/// <summary>What G4a is scored from: the markets the policy marks as operating, the assessments, and the reviews raised by the system.</summary>
public sealed record G4aEvidence
{
    public IReadOnlyList<string> OperatingMarkets { get; init; } = [];
    public IReadOnlyList<G4aAssessment> Assessments { get; init; } = [];
    /// <summary>Launches named by a product-launch assessment that no signed, current assessment covers (the gate's gaps).</summary>
    public int UncoveredLaunches { get; init; }
    /// <summary>Reviews raised because something changed (a benchmark off target, an incident) and how many were conducted.</summary>
    public int RaisedReviews { get; init; }
    public int RaisedReviewsConducted { get; init; }
}

/// <summary>
/// RDR G4a (impact assessment: governments and regulations), its eleven elements scored from the assessments on the
/// desk alone. A signed assessment is one a second person signed off; a current one is not past its review date.
/// What RightsDesk cannot know (whether the signer is a senior executive) is never claimed.
/// </summary>
public static class G4aSelfAssessment
{
    /// <summary>The catalogue's rights to freedom of expression and information (policy/impact.json ids).</summary>
    public static readonly IReadOnlySet<string> Expression = new HashSet<string>(["iccpr-19", "charter-11", "crc-13", "crc-17"], StringComparer.Ordinal);

    /// <summary>The catalogue's rights to privacy and data protection.</summary>
    public static readonly IReadOnlySet<string> Privacy = new HashSet<string>(["iccpr-17", "charter-7", "charter-8", "crc-16"], StringComparer.Ordinal);

    private const string Link = "/en/transparency/impact";

    public static RdrIndicator Assess(G4aEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var valid = e.Assessments.Where(a => a.SignedOff && a.Current).ToList();
        var existing = valid.Where(a => a.Trigger is AssessmentTrigger.Periodic or AssessmentTrigger.Feature or AssessmentTrigger.PolicyChange or AssessmentTrigger.Crisis).ToList();
        var newActivity = valid.Where(a => a.Trigger is AssessmentTrigger.ProductLaunch or AssessmentTrigger.MarketEntry or AssessmentTrigger.Acquisition).ToList();
        var signed = e.Assessments.Count(a => a.SignedOff);
        var overdue = e.Assessments.Count(a => !a.Current);
        var assured = e.Assessments.Where(a => a.SignedOff && a.Assured).ToList();
        return new("G4a", "Impact assessment: governments and regulations",
        [
            Laws(e, valid, 1, "freedom of expression", Expression),
            Laws(e, valid, 2, "privacy", Privacy),
            Covers(existing, 3, "Assesses freedom of expression risks of its existing products and services", Expression, "periodic, feature, policy-change or crisis"),
            Covers(existing, 4, "Assesses privacy risks of its existing products and services", Privacy, "periodic, feature, policy-change or crisis"),
            NewActivity(e, newActivity, 5, "freedom of expression", Expression),
            NewActivity(e, newActivity, 6, "privacy", Privacy),
            new(7, "Conducts additional evaluation whenever its assessments identify concerns",
                e.RaisedReviews == 0 ? RdrStatus.Partly : e.RaisedReviewsConducted == e.RaisedReviews ? RdrStatus.Met : RdrStatus.Partly,
                "A benchmark reading off target, an incident or a change in a country's risk tier raises a triggered review of the assessment",
                $"{N(e.RaisedReviewsConducted)} of {N(e.RaisedReviews)} raised reviews conducted",
                e.RaisedReviews == 0 ? "no review has been raised yet, so the process is untested" : e.RaisedReviewsConducted < e.RaisedReviews ? $"{N(e.RaisedReviews - e.RaisedReviewsConducted)} raised reviews are still waiting" : null, Link),
            new(8, "Senior executives and/or members of the board review and consider the results", signed == 0 ? RdrStatus.NotMet : RdrStatus.Partly,
                "Every review is signed off by a second person, never the one who conducted it",
                $"{N(signed)} of {N(e.Assessments.Count)} assessments signed off by a second person",
                signed == 0 ? "no assessment is signed off yet" : "the desk records a second person's sign-off, not whether that person is a senior executive or on the board", Link),
            new(9, "Conducts assessments on a regular schedule", e.Assessments.Count == 0 ? RdrStatus.NotMet : overdue == 0 && signed > 0 ? RdrStatus.Met : RdrStatus.Partly,
                "Every assessment carries its next review date; one past it no longer counts as current",
                $"{N(e.Assessments.Count)} assessments, {N(overdue)} past their review date",
                e.Assessments.Count == 0 ? "no assessment is on record" : overdue > 0 ? $"{N(overdue)} reviews are overdue" : signed == 0 ? "no assessment is signed off yet" : null, Link),
            new(10, "Assessments are assured by an external third party", assured.Count == 0 ? RdrStatus.NotMet : assured.Count == signed ? RdrStatus.Met : RdrStatus.Partly,
                "An assessment records its external assurance, when it has one",
                $"{N(assured.Count)} of {N(signed)} signed assessments externally assured",
                assured.Count == 0 ? "no signed assessment is externally assured" : assured.Count < signed ? $"{N(signed - assured.Count)} signed assessments have no external assurance" : null, Link),
            new(11, "The external third party is accredited to a relevant and reputable human rights standard",
                assured.Count == 0 || !assured.Any(a => a.Accredited) ? RdrStatus.NotMet : assured.All(a => a.Accredited) ? RdrStatus.Met : RdrStatus.Partly,
                "The assurance records whether the provider is accredited",
                $"{N(assured.Count(a => a.Accredited))} of {N(assured.Count)} assurances by an accredited provider",
                assured.Count == 0 ? "no signed assessment is externally assured" : assured.All(a => a.Accredited) ? null : "some assurances are by a provider that is not accredited", Link),
        ]);
    }

    private static RdrElement Laws(G4aEvidence e, List<G4aAssessment> valid, int number, string right, IReadOnlySet<string> rights)
    {
        var element = $"Assesses how laws affect {right} in the jurisdictions where it operates";
        var practice = $"A market the policy marks as operating needs a signed, current market-entry or periodic assessment; its risks name the {right} rights they concern";
        if (e.OperatingMarkets.Count == 0)
        {
            return new(number, element, RdrStatus.NotMet, practice, "no jurisdiction profile is marked as an operating market", "the markets the platform operates in are not declared in the policy", Link);
        }

        var covered = e.OperatingMarkets.Where(m => valid.Any(a => a.Trigger is AssessmentTrigger.MarketEntry or AssessmentTrigger.Periodic
            && a.Countries.Contains(m, StringComparer.Ordinal) && a.Rights.Overlaps(rights))).ToList();
        var missing = e.OperatingMarkets.Except(covered, StringComparer.Ordinal).ToList();
        return new(number, element, covered.Count == 0 ? RdrStatus.NotMet : missing.Count == 0 ? RdrStatus.Met : RdrStatus.Partly, practice,
            $"{N(covered.Count)} of {N(e.OperatingMarkets.Count)} operating markets covered" + (covered.Count > 0 ? $" ({string.Join(", ", covered)})" : ""),
            missing.Count == 0 ? null : $"no signed, current assessment of {right} risks for {string.Join(", ", missing)}", Link);
    }

    private static RdrElement Covers(List<G4aAssessment> existing, int number, string element, IReadOnlySet<string> rights, string kinds)
    {
        var count = existing.Count(a => a.Rights.Overlaps(rights));
        return new(number, element, count > 0 ? RdrStatus.Met : RdrStatus.NotMet, $"Assessments of existing activity ({kinds}) with risks to these rights",
            $"{N(count)} signed, current assessments of existing activity name these rights", count > 0 ? null : "no signed, current assessment of existing products names these rights", Link);
    }

    private static RdrElement NewActivity(G4aEvidence e, List<G4aAssessment> valid, int number, string right, IReadOnlySet<string> rights)
    {
        var count = valid.Count(a => a.Rights.Overlaps(rights));
        var uncovered = e.UncoveredLaunches;
        return new(number, $"Assesses {right} risks of launching or acquiring products or entering markets",
            count == 0 ? RdrStatus.NotMet : uncovered == 0 ? RdrStatus.Met : RdrStatus.Partly,
            "No product launch, acquisition or market entry without a signed, current assessment (the desk's gate shows every one without)",
            $"{N(count)} signed, current launch, acquisition or market-entry assessments name {right} rights; {N(uncovered)} launches without one",
            count == 0 ? $"no signed, current assessment of new activity names {right} rights" : uncovered > 0 ? $"{N(uncovered)} product launches have no signed, current assessment" : null, Link);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
