namespace RightsDesk.Core.Impact;

/// <summary>A benchmark as its rule needs it: where it started, where it should be, and which way is better.</summary>
public sealed record BenchmarkTarget(decimal Baseline, decimal Target, BenchmarkDirection Direction)
{
    /// <summary>Whether a reading meets the target (at least the target, or at most it).</summary>
    public bool OnTarget(decimal value) => Direction == BenchmarkDirection.AtLeast ? value >= Target : value <= Target;

    /// <summary>Whether a target is one the metric can move towards from its baseline (else the benchmark says nothing).</summary>
    public bool Coherent => Direction == BenchmarkDirection.AtLeast ? Target >= Baseline : Target <= Baseline;
}
