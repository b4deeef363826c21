using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Ledger.Events;

// Incident events carry the case's shape (types, severity, urgency, counts) for the figures: never what the reporter
// wrote, an identifier, a way to reach them, or anything about their connection. Texts appear as SHA-256 only.

/// <summary>A report arrived through the public incident channel and was triaged.</summary>
public sealed record IncidentReceived(
    string Types, string Severity, IncidentUrgency Urgency, bool PhysicalDanger, bool NamesAtRiskPerson, bool RegistryRequested,
    int Accounts, int Content, string Language, string PolicyVersion, string ReportSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentReceived;

    public void Write(LedgerFields fields) => fields.Add("types", Types).Add("severity", Severity).Add("urgency", Urgency)
        .Add("physicalDanger", PhysicalDanger).Add("atRisk", NamesAtRiskPerson).Add("registryRequested", RegistryRequested)
        .Add("accounts", Accounts).Add("content", Content).Add("language", Language).Add("policyVersion", PolicyVersion)
        .Add("reportSha256", ReportSha256);
}

/// <summary>The reporter opened the case with the receipt code (the status and messages were shown).</summary>
public sealed record IncidentReceiptChecked(IncidentStatus Status) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentReceiptChecked;

    public void Write(LedgerFields fields) => fields.Add("status", Status);
}

/// <summary>The reporter wrote to the desk through the receipt code.</summary>
public sealed record IncidentMessageReceived(Guid Message, string TextSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentMessageReceived;

    public void Write(LedgerFields fields) => fields.Add("message", Message).Add("textSha256", TextSha256);
}

/// <summary>A responder acknowledged the incident; <paramref name="Minutes"/> since it arrived, against the target.</summary>
public sealed record IncidentAcknowledged(string Severity, int Minutes, bool WithinTarget) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentAcknowledged;

    public void Write(LedgerFields fields) => fields.Add("severity", Severity).Add("minutes", Minutes).Add("withinTarget", WithinTarget);
}

/// <summary>The desk replied to the reporter, from a template or in its own words.</summary>
public sealed record IncidentReplied(Guid Message, string? Template, string TextSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentReplied;

    public void Write(LedgerFields fields) => fields.Add("message", Message).Add("template", Template).Add("textSha256", TextSha256);
}

/// <summary>The incident was resolved with an outcome.</summary>
public sealed record IncidentResolved(string Severity, string Outcome, int Hours, bool WithinTarget) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentResolved;

    public void Write(LedgerFields fields) => fields.Add("severity", Severity).Add("outcome", Outcome).Add("hours", Hours).Add("withinTarget", WithinTarget);
}

/// <summary>A person opened an incident on the desk (its report and messages were unsealed).</summary>
public sealed record IncidentRead(int Messages) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.IncidentRead;

    public void Write(LedgerFields fields) => fields.Add("messages", Messages);
}
