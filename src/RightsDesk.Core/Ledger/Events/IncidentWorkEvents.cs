using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>An incident was given to a responder (ledger names, as <see cref="DemandAssigned"/>).</summary>
public sealed record IncidentAssigned(string To, string ToId, string? From) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentAssigned;

    public void Write(LedgerFields fields) => fields.Add("to", To).Add("toId", ToId).Add("from", From);
}

/// <summary>The desk recorded an action taken on an incident.</summary>
public sealed record IncidentActionRecorded(IncidentAction Action) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentActionRecorded;

    public void Write(LedgerFields fields) => fields.Add("action", Action);
}

/// <summary>The incident was linked to a demand or a moderation decision (by id: neither carries personal data).</summary>
public sealed record IncidentLinked(IncidentLinkKind Kind, Guid Target) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentLinked;

    public void Write(LedgerFields fields) => fields.Add("kind", Kind).Add("target", Target);
}

/// <summary>An attachment was stripped of its metadata and stored; whether the original was kept (the reporter's choice).</summary>
public sealed record IncidentAttachmentStored(Guid Attachment, long Bytes, string CleanSha256, bool OriginalKept) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentAttachmentStored;

    public void Write(LedgerFields fields) =>
        fields.Add("attachment", Attachment).Add("bytes", Bytes).Add("cleanSha256", CleanSha256).Add("originalKept", OriginalKept);
}

/// <summary>A person on the desk opened an attachment: the stripped copy, or the sealed original.</summary>
public sealed record IncidentAttachmentRead(Guid Attachment, bool Original) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentAttachmentRead;

    public void Write(LedgerFields fields) => fields.Add("attachment", Attachment).Add("original", Original);
}
