using System.Text.Json;
using RightsDesk.Application.Transparency.Rollups;
using RightsDesk.Core;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// Moderation decisions received in the period. A report reads them from the rollup (a row per day and tuple, kept
/// as decisions are written) and keeps those tallies as its records; `report verify` recounts them from the
/// decisions themselves (<see cref="RecountAsync"/>), so a rollup that drifted from the records is caught there.
/// </summary>
public sealed class ModerationTransparencySource(ModerationFactReader reader, ModerationRollupStore rollups) : ITransparencySource
{
    public string Name => ModerationReport.DecisionSource;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var tallies = await rollups.TalliesAsync(period, ct);
        // A store filled around the desk (a bulk load, a restored backup) or a rollup lost would publish wrong totals
        // silently; the period's count by date received is an index range and says so before anything is published.
        var (counted, stored) = (tallies.Sum(t => t.Count), await rollups.StoredAsync(period, ct));
        if (counted != stored)
        {
            throw new InvalidOperationException(
                $"The moderation rollup counts {counted} decisions received in {period.Label} but the store holds {stored}: run `rightsdesk report rollups --rebuild`, then `report rollups --check`.");
        }

        return Reading(tallies, period);
    }

    public async Task<SourceReading> RecountAsync(ReportPeriod period, CancellationToken ct) =>
        Reading(ModerationTally.Of(await reader.DecisionsAsync(period, ct)), period);

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        ModerationReport.Decisions(TalliesOf(Name, records), period);

    private SourceReading Reading(IReadOnlyList<ModerationTally> tallies, ReportPeriod period) =>
        new(ModerationReport.Decisions(tallies, period), [.. tallies.Select(t => ReportRecords.Canonical(Name, t))]);

    /// <summary>
    /// The records a report kept, with this source's at the grain a recount gives today (a tally per month and tuple),
    /// so `report verify` compares like with like: a version published while the rollup was kept per day holds day
    /// tallies, and one published before the rollup holds a record per decision; both are summed into month tallies,
    /// which leaves every figure as it was (a period is whole months). Other sources' records pass unchanged.
    /// </summary>
    public static IReadOnlyList<string> AtRecountGrain(IEnumerable<string> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var prefix = ReportRecords.PrefixOf(ModerationReport.DecisionSource);
        var others = new List<string>();
        var mine = new List<string>();
        foreach (var line in records)
        {
            (line.StartsWith(prefix, StringComparison.Ordinal) ? mine : others).Add(line);
        }

        if (mine.Count == 0)
        {
            return others;
        }

        var source = ModerationReport.DecisionSource;
        return [.. others, .. ModerationTally.ByMonth(TalliesOf(source, mine)).Select(t => ReportRecords.Canonical(source, t))];
    }

    /// <summary>The tallies a report kept; a version published before the rollup kept one record per decision, and
    /// those are counted into tallies the same way.</summary>
    private static IReadOnlyList<ModerationTally> TalliesOf(string name, IEnumerable<string> records)
    {
        var tallies = new List<ModerationTally>();
        var facts = new List<ModerationFact>();
        foreach (var line in records)
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("source").GetString() != name)
            {
                continue;
            }

            var record = doc.RootElement.GetProperty("record");
            if (record.TryGetProperty("count", out _))
            {
                tallies.Add(record.Deserialize<ModerationTally>(JsonNames.Options) ?? throw new FormatException("a moderation tally is null"));
            }
            else
            {
                facts.Add(record.Deserialize<ModerationFact>(JsonNames.Options) ?? throw new FormatException("a moderation record is null"));
            }
        }

        return [.. tallies, .. ModerationTally.Of(facts)];
    }
}

/// <summary>Appeals (DSA Art. 20) submitted in the period, with their outcomes and times, as de-identified records.</summary>
public sealed class AppealTransparencySource(ModerationFactReader reader) : ITransparencySource
{
    public string Name => ModerationReport.AppealSource;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var (appeals, _) = await reader.AppealsAsync(period, ct);
        return new SourceReading(ModerationReport.Appeals(appeals, period), [.. appeals.Select(a => ReportRecords.Canonical(Name, a))]);
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        ModerationReport.Appeals(ReportRecords.Of<AppealFact>(Name, records), period);
}

/// <summary>Out-of-court dispute referrals (DSA Art. 21) made in the period, by day referred, with the bodies'
/// outcomes, as de-identified records.</summary>
public sealed class DisputeTransparencySource(ModerationFactReader reader) : ITransparencySource
{
    public string Name => DisputeReport.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var disputes = await reader.DisputesAsync(period, ct);
        return new SourceReading(DisputeReport.Disputes(disputes, period), [.. disputes.Select(d => ReportRecords.Canonical(Name, d))]);
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        DisputeReport.Disputes(ReportRecords.Of<DisputeFact>(Name, records), period);
}

/// <summary>Measures against misuse (DSA Art. 23) recorded in the period, as de-identified records.</summary>
public sealed class MisuseTransparencySource(ModerationFactReader reader) : ITransparencySource
{
    public string Name => MisuseReport.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var measures = await reader.MisuseAsync(period, ct);
        return new SourceReading(MisuseReport.Measures(measures, period), [.. measures.Select(m => ReportRecords.Canonical(Name, m))]);
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        MisuseReport.Measures(ReportRecords.Of<MisuseFact>(Name, records), period);
}
