namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// Which feature owns which range of ledger codes. New events take the next free code in their feature's range, so
/// a reader of the ledger (an auditor, a transparency report) can tell a feature's events by number alone, and two
/// features developed at once never pick the same number.
/// </summary>
public static class LedgerCodeRanges
{
    public sealed record Range(int First, int Last, string Feature)
    {
        public bool Contains(int code) => code >= First && code <= Last;
    }

    public static readonly IReadOnlyList<Range> All =
    [
        new(1000, 1999, "demands: intake, assessment, decisions, fulfilment, letters, user notices, the at-risk registry"),
        new(2000, 2999, "reads of sensitive data"),
        new(3000, 3999, "security: tokens, keys, accounts, the portal's officials, policy"),
        new(4000, 4999, "moderation decisions and appeals"),
        new(5000, 5999, "defenders and incidents"),
        new(6000, 6999, "transparency reports"),
        new(7000, 7999, "impact assessments"),
        new(8000, 8999, "operations"),
    ];

    public static Range? Of(int code) => All.FirstOrDefault(r => r.Contains(code));

    /// <summary>The event's name for a stored code, or the number itself for a code this build does not know.</summary>
    public static string NameOf(int code) =>
        Enum.IsDefined((LedgerEventCode)code) ? ((LedgerEventCode)code).ToString() : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
