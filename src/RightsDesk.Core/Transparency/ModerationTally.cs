namespace RightsDesk.Core.Transparency;

/// <summary>
/// How many moderation decisions received in one UTC month (<see cref="Day"/> is its first day) share one tuple of the
/// report's dimensions (category, ground, source, automation, rung, state): a row of the rollup the desk keeps as
/// decisions are written, and the record a report computed from that rollup keeps. Nothing in it names a decision.
/// A month, not a day: every period a report covers is whole months, and a day's grain made the records of a
/// half-year at ten million decisions nearly one a decision (each day a few thousand tuples, 181 days).
/// </summary>
public sealed record ModerationTally(
    DateOnly Day, string Category, string Ground, string Source, string AutomatedDecision, string Rung, string State, long Count)
{
    /// <summary>Names the tuple in a report's records (where every record carries a <c>caseHash</c>): the day and the
    /// dimensions, so two reports name the same tally alike and a reader sees which day and tuple differ.</summary>
    public string CaseHash =>
        string.Join('|', "tally", Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Category, Ground, Source, AutomatedDecision, Rung, State);

    /// <summary>The first day of the UTC month of <paramref name="at"/>: the tally it counts into.</summary>
    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    /// <summary>Tallies of any grain (a report published while the rollup was kept per day named each day's tuples)
    /// summed into their months: the grain the rollup and a recount from the records give today. Month tallies come
    /// back as they were; zero tallies are left out.</summary>
    public static IReadOnlyList<ModerationTally> ByMonth(IEnumerable<ModerationTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return [.. tallies
            .GroupBy(t => t with { Day = new DateOnly(t.Day.Year, t.Day.Month, 1), Count = 0 })
            .Select(g => g.Key with { Count = g.Sum(t => t.Count) })
            .Where(t => t.Count != 0)
            .OrderBy(t => t.CaseHash, StringComparer.Ordinal)];
    }

    /// <summary>The tallies of a set of decisions, one per month and tuple, in a stable order: what the rollup must hold
    /// for them, and so what a recount from the records compares it against. Each case counts once.</summary>
    public static IReadOnlyList<ModerationTally> Of(IEnumerable<ModerationFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts.DistinctBy(f => f.CaseHash, StringComparer.Ordinal)
            .GroupBy(f => (Day: MonthOf(f.ReceivedAt), f.Category, f.Ground, f.Source, f.AutomatedDecision, f.Rung, f.State))
            .Select(g => new ModerationTally(g.Key.Day, g.Key.Category, g.Key.Ground, g.Key.Source, g.Key.AutomatedDecision, g.Key.Rung, g.Key.State, g.LongCount()))
            .OrderBy(t => t.CaseHash, StringComparer.Ordinal)];
    }
}
