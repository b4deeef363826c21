namespace RightsDesk.Core.Transparency;

/// <summary>
/// How many moderation decisions received on one UTC day share one tuple of the report's dimensions (category,
/// ground, source, automation, rung, state): a row of the rollup the desk keeps as decisions are written, and the
/// record a report computed from that rollup keeps. Nothing in it names a decision.
/// </summary>
public sealed record ModerationTally(
    DateOnly Day, string Category, string Ground, string Source, string AutomatedDecision, string Rung, string State, long Count)
{
    /// <summary>Names the tuple in a report's records (where every record carries a <c>caseHash</c>): the day and the
    /// dimensions, so two reports name the same tally alike and a reader sees which day and tuple differ.</summary>
    public string CaseHash =>
        string.Join('|', "tally", Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Category, Ground, Source, AutomatedDecision, Rung, State);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The tallies of a set of decisions, one per day and tuple, in a stable order: what the rollup must hold
    /// for them, and so what a recount from the records compares it against. Each case counts once.</summary>
    public static IReadOnlyList<ModerationTally> Of(IEnumerable<ModerationFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts.DistinctBy(f => f.CaseHash, StringComparer.Ordinal)
            .GroupBy(f => (Day: DayOf(f.ReceivedAt), f.Category, f.Ground, f.Source, f.AutomatedDecision, f.Rung, f.State))
            .Select(g => new ModerationTally(g.Key.Day, g.Key.Category, g.Key.Ground, g.Key.Source, g.Key.AutomatedDecision, g.Key.Rung, g.Key.State, g.LongCount()))
            .OrderBy(t => t.CaseHash, StringComparer.Ordinal)];
    }
}
