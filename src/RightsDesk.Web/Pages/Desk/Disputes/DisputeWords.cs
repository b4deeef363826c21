using RightsDesk.Core.Disputes;

namespace RightsDesk.Web.Pages.Desk.Disputes;

/// <summary>The desk's words for a body's outcome, so pages read 'partially reversed', not partiallyReversed.</summary>
public static class DisputeWords
{
    public static string Outcome(DisputeOutcome outcome) => outcome switch
    {
        DisputeOutcome.Upheld => "upheld",
        DisputeOutcome.PartiallyReversed => "partially reversed",
        DisputeOutcome.Reversed => "reversed",
        DisputeOutcome.Withdrawn => "withdrawn",
        _ => "declined by the body",
    };
}
