using RightsDesk.Core.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>Moderation decisions received in the period, as de-identified records (statement values only).</summary>
public sealed class ModerationTransparencySource(ModerationFactReader reader) : ITransparencySource
{
    public string Name => ModerationReport.DecisionSource;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var facts = await reader.DecisionsAsync(period, ct);
        return new SourceReading(ModerationReport.Decisions(facts, period), [.. facts.Select(f => ReportRecords.Canonical(Name, f))]);
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        ModerationReport.Decisions(ReportRecords.Of<ModerationFact>(Name, records), period);
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
