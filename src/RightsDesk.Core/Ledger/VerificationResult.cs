namespace RightsDesk.Core.Ledger;

/// <summary>The outcome of checking a proof or a signature. A failure carries a reason written for the person
/// auditing the ledger, since "invalid" alone does not tell them whether the proof, the root or their input is off.</summary>
public sealed record VerificationResult
{
    private VerificationResult(bool isValid, string? reason)
    {
        IsValid = isValid;
        Reason = reason;
    }

    public static VerificationResult Valid { get; } = new(true, null);

    public bool IsValid { get; }

    /// <summary>Why the check failed; null when it passed.</summary>
    public string? Reason { get; }

    public static VerificationResult Invalid(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }

    public override string ToString() => IsValid ? "valid" : $"invalid: {Reason}";
}
