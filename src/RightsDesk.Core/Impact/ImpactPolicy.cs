namespace RightsDesk.Core.Impact;

/// <summary>One article of an instrument a risk can name (ICCPR, ICESCR, CRC, the EU Charter for DSA Art. 34).</summary>
public sealed record RightEntry(string Id, string Instrument, string Article, string Name);

/// <summary>
/// The severity rule, as policy data: severity = Σ weight × component (scale, scope, irremediability, each 1–4), and
/// the band is the first whose <c>atLeast</c> the score reaches. Likelihood never enters it: for human rights the
/// severity of an impact outranks its probability (UNGP 24), so likelihood only orders risks of equal severity.
/// </summary>
public sealed record SeverityRule(int ScaleWeight, int ScopeWeight, int IrremediabilityWeight, IReadOnlyList<SeverityBand> Bands)
{
    public int Score(int scale, int scope, int irremediability) =>
        (ScaleWeight * scale) + (ScopeWeight * scope) + (IrremediabilityWeight * irremediability);

    public string Band(int score) => Bands.OrderByDescending(b => b.AtLeast).FirstOrDefault(b => score >= b.AtLeast)?.Name ?? "unrated";
}

public sealed record SeverityBand(string Name, int AtLeast);

/// <summary>policy/impact.json: the rights catalogue, the groups risks can name, and the severity rule.</summary>
/// <param name="BenchmarkReadingDays">How many days apart the schedule reads each benchmark (a benchmark read by hand sooner waits its interval from then).</param>
public sealed record ImpactPolicy(IReadOnlyList<RightEntry> Rights, IReadOnlyList<string> Groups, SeverityRule Severity, int BenchmarkReadingDays = 7)
{
    public RightEntry? Right(string id) => Rights.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public bool IsGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    /// <exception cref="ArgumentException">naming what is wrong, for the policy loader to report with the file.</exception>
    public void Validate()
    {
        if (Rights.Count == 0 || Rights.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != Rights.Count)
        {
            throw new ArgumentException("rights must list each right once, by a unique id.");
        }

        if (Groups.Count == 0)
        {
            throw new ArgumentException("groups must list the groups a risk can affect.");
        }

        if (Severity.Bands.Count == 0 || new[] { Severity.ScaleWeight, Severity.ScopeWeight, Severity.IrremediabilityWeight }.Any(w => w is < 1 or > 4))
        {
            throw new ArgumentException("severity needs weights between 1 and 4 and at least one band.");
        }

        if (BenchmarkReadingDays is < 1 or > 366)
        {
            throw new ArgumentException("benchmarkReadingDays must be between 1 and 366.");
        }
    }
}
