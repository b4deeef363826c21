using RightsDesk.Core.Assessment;

namespace RightsDesk.Core.Ledger.Events;

/// <param name="Kind">The letter kind's stored name (comply, partial, ...).</param>
public sealed record LetterGenerated(Guid Letter, string Kind, string Language, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.LetterGenerated;

    public void Write(LedgerFields fields) => fields.Add("letter", Letter).Add("kind", Kind).Add("language", Language).Add("sha256", Sha256);
}

public sealed record LetterEdited(Guid Letter, string Sha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.LetterEdited;

    public void Write(LedgerFields fields) => fields.Add("letter", Letter).Add("sha256", Sha256);
}

/// <param name="PdfSha256">The SHA-256 of the PDF the authority received; absent when no PDF was printed (and in
/// events written before letters were printed, whose bytes must not change).</param>
/// <param name="Via">How it went: "outbox" when queued to the official's portal address, "staff" when staff sent it by
/// their own channel and marked it; absent in older events.</param>
/// <param name="Route">Where an e-mailed letter went: "portal" (the official's portal account) or "callBack" (the address
/// confirmed on a call-back); never the address itself. Absent for letters staff sent themselves, and on earlier events.</param>
public sealed record LetterSent(Guid Letter, string? PdfSha256 = null, string? Via = null, string? Route = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.LetterSent;

    public void Write(LedgerFields fields) => fields.Add("letter", Letter).AddIfKnown("pdfSha256", PdfSha256).AddIfKnown("via", Via).AddIfKnown("route", Route);
}

/// <summary>
/// The acknowledgement of receipt went to the authority. <paramref name="ReceivedAt"/> and the event's own time give
/// the time to inform the authority of receipt (DSA Art. 15(1)(a)), which a transparency report recomputes from here;
/// <paramref name="Hours"/> is that time in whole hours, written so a reader need not subtract.
/// </summary>
public sealed record ReceiptAcknowledged(Guid Letter, DateTimeOffset ReceivedAt, long Hours, DemandDimensions Case) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ReceiptAcknowledged;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("letter", Letter).Add("receivedAt", ReceivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
            .Add("hours", Hours);
        Case.Write(fields);
    }
}

/// <param name="Earliest">The earliest day the notice may go; null (and written as null) while a gag order has no end.</param>
public sealed record NoticePlanned(Guid Notice, NoticePlan Plan, DateOnly? Earliest) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticePlanned;

    public void Write(LedgerFields fields) =>
        fields.Add("notice", Notice).Add("plan", Plan).Add("earliest", Earliest is { } day ? LedgerFields.Day(day) : null);
}

public sealed record NoticeQueued(Guid Notice) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeQueued;

    public void Write(LedgerFields fields) => fields.Add("notice", Notice);
}

/// <param name="Channel">The outbox channel's name (email, webhook).</param>
/// <param name="Plan">When the notice was allowed to go; absent on events stored before it was recorded.</param>
public sealed record NoticeDelivered(Guid Notice, string Channel, int Attempts, NoticePlan? Plan = null, DemandDimensions? Case = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeDelivered;

    public void Write(LedgerFields fields)
    {
        fields.Add("notice", Notice).Add("channel", Channel).Add("attempts", Attempts).AddIfKnown("plan", Plan);
        Case?.Write(fields);
    }
}

/// <summary>
/// A notice that will not reach the user. Two shapes have been written: from the outbox (the message and its channel,
/// subject the notice) and from the notice job when the user left no channel (the notice, subject the demand); each
/// writes only the identifiers it has, and the error always.
/// </summary>
/// <param name="Error">The error's kind, never an address or text; null when the outbox recorded none.</param>
public sealed record NoticeDeadLettered(string? Error, Guid? Notice = null, Guid? Message = null, string? Channel = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeDeadLettered;

    public void Write(LedgerFields fields) =>
        fields.Add("error", Error).AddIfKnown("notice", Notice).AddIfKnown("message", Message).AddIfKnown("channel", Channel);
}

public sealed record NoticeReviewDue(Guid Notice, DateOnly ReviewAt) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeReviewDue;

    public void Write(LedgerFields fields) => fields.Add("notice", Notice).Add("reviewAt", LedgerFields.Day(ReviewAt));
}

/// <param name="Category">The registry's category for the person (journalist, defender, ...), never who they are.</param>
public sealed record AtRiskAdded(string Category) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskAdded;

    public void Write(LedgerFields fields) => fields.Add("category", Category);
}

public sealed record AtRiskRemoved(string Category) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskRemoved;

    public void Write(LedgerFields fields) => fields.Add("category", Category);
}

/// <summary>Staff put a message back in the queue. The reason's hash, not its text: free text stays out of the ledger.</summary>
public sealed record OutboxRetried(Guid Message, string Topic, string? Subject, string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OutboxRetried;

    public void Write(LedgerFields fields) =>
        fields.Add("message", Message).Add("topic", Topic).Add("subject", Subject).Add("reasonSha256", ReasonSha256);
}

/// <summary>Staff cancelled a waiting or dead message: it will not be sent. The reason's hash, as for a retry.</summary>
public sealed record OutboxCancelled(Guid Message, string Topic, string? Subject, string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OutboxCancelled;

    public void Write(LedgerFields fields) =>
        fields.Add("message", Message).Add("topic", Topic).Add("subject", Subject).Add("reasonSha256", ReasonSha256);
}
