namespace RightsDesk.Core.Impact;

/// <summary>An assessment as the gate reads it.</summary>
public sealed record GateAssessment(Guid Id, string Title, AssessmentTrigger Trigger, IReadOnlyList<string> Countries, IReadOnlyList<string> Products, DateTimeOffset? SignedOffAt, DateOnly NextReviewDue)
{
    /// <summary>Signed off by a second person and not past its next review (RDR G4a.8–9).</summary>
    public bool SignedAndCurrent(DateOnly today) => SignedOffAt is not null && NextReviewDue >= today;
}

public enum GateGapKind { MarketWithoutAssessment, LaunchWithoutAssessment, ReviewOverdue }

/// <param name="Subject">The country code, or the product, or the assessment's title.</param>
public sealed record GateGap(GateGapKind Kind, string Subject, Guid? Assessment, DateOnly? Since);

/// <summary>
/// No market entry and no product launch without a signed, current assessment (UNGP 17, RDR G4a.5–6, DSA 34(1)
/// "prior to deploying"). A market is one the policy marks as operating; a launch is what an assessment with the
/// trigger productLaunch names. Overdue reviews are listed too: an assessment past its review date no longer counts.
/// </summary>
public static class ImpactGate
{
    public static IReadOnlyList<GateGap> Gaps(IEnumerable<(string Country, DateOnly? Since)> markets, IReadOnlyList<GateAssessment> assessments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var gaps = new List<GateGap>();
        foreach (var (country, since) in markets.OrderBy(m => m.Country, StringComparer.Ordinal))
        {
            var covered = assessments.Any(a => a.Trigger is AssessmentTrigger.MarketEntry or AssessmentTrigger.Periodic
                && a.Countries.Contains(country, StringComparer.Ordinal) && a.SignedAndCurrent(today));
            if (!covered)
            {
                gaps.Add(new GateGap(GateGapKind.MarketWithoutAssessment, country, null, since));
            }
        }

        foreach (var launch in assessments.Where(a => a.Trigger == AssessmentTrigger.ProductLaunch))
        {
            foreach (var product in launch.Products)
            {
                var covered = assessments.Any(a => a.Products.Contains(product, StringComparer.Ordinal) && a.SignedAndCurrent(today));
                if (!covered && !gaps.Any(g => g.Kind == GateGapKind.LaunchWithoutAssessment && g.Subject == product))
                {
                    gaps.Add(new GateGap(GateGapKind.LaunchWithoutAssessment, product, launch.Id, null));
                }
            }
        }

        gaps.AddRange(assessments.Where(a => a.NextReviewDue < today).OrderBy(a => a.NextReviewDue)
            .Select(a => new GateGap(GateGapKind.ReviewOverdue, a.Title, a.Id, a.NextReviewDue)));
        return gaps;
    }
}
