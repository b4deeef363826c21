using RightsDesk.Core.Demands;

namespace RightsDesk.Web.Portal;

/// <summary>
/// How the portal names things for officials. States are told as the authority needs them, without the desk's
/// internal stages: the assessment and its recommendation are never shown in the portal.
/// </summary>
public static class PortalWording
{
    public static readonly IReadOnlyList<(AuthorityType Value, string Label)> AuthorityTypes =
    [
        (AuthorityType.LawEnforcement, "Police or law enforcement"), (AuthorityType.Prosecutor, "Prosecutor"), (AuthorityType.Court, "Court"),
        (AuthorityType.Regulator, "Regulator"), (AuthorityType.Intelligence, "Intelligence or security service"),
        (AuthorityType.Executive, "Ministry or executive body"), (AuthorityType.Other, "Other public authority"),
    ];

    public static readonly IReadOnlyList<(DemandKind Value, string Label)> Kinds =
    [
        (DemandKind.UserData, "User data (disclosure of information about an account)"),
        (DemandKind.Preservation, "Preservation (keep records pending legal process)"),
        (DemandKind.ContentRestriction, "Content restriction (remove or geo-block content)"),
        (DemandKind.AccountRestriction, "Account restriction (suspend or restrict an account)"),
        (DemandKind.NetworkDisruption, "Service disruption in a region"),
    ];

    public static readonly IReadOnlyList<(LegalProcess Value, string Label)> Processes =
    [
        (LegalProcess.SearchWarrant, "Search warrant"), (LegalProcess.CourtOrder, "Court order"), (LegalProcess.Subpoena, "Subpoena"),
        (LegalProcess.WiretapOrder, "Interception order"), (LegalProcess.Mlat, "Mutual legal assistance (MLAT) request"),
        (LegalProcess.EmergencyRequest, "Emergency disclosure request"), (LegalProcess.AdministrativeOrder, "Administrative order"),
        (LegalProcess.DsaOrder, "EU Digital Services Act order (Art. 9 or 10)"), (LegalProcess.Informal, "Informal request (no legal process)"),
        (LegalProcess.None, "None"),
    ];

    public static readonly IReadOnlyList<(DataCategory Value, string Label)> Categories =
    [
        (DataCategory.SubscriberInfo, "Subscriber information"), (DataCategory.IpLogs, "IP address logs"),
        (DataCategory.TrafficMetadata, "Traffic metadata"), (DataCategory.Location, "Location data"), (DataCategory.Contacts, "Contacts"),
        (DataCategory.Content, "Content of communications"), (DataCategory.RealTime, "Real-time interception"),
    ];

    public static readonly IReadOnlyList<(RestrictionAction Value, string Label)> Actions =
    [
        (RestrictionAction.Remove, "Remove"), (RestrictionAction.GeoBlock, "Block in the listed countries"), (RestrictionAction.Suspend, "Suspend"),
        (RestrictionAction.Label, "Label"), (RestrictionAction.Demote, "Reduce visibility"),
    ];

    public static string State(DemandState state) => state switch
    {
        DemandState.Received => "Received",
        DemandState.Assessed or DemandState.AwaitingApproval or DemandState.Decided => "Under review",
        DemandState.ClarificationRequested => "Waiting for your answer",
        DemandState.VerificationPending => "Waiting for verification with your authority",
        DemandState.Challenged => "Contested: we have written to you",
        DemandState.Fulfilled => "Answered",
        _ => "Closed",
    };

    public static string Kind(DemandKind kind) => Kinds.First(k => k.Value == kind).Label.Split(" (")[0];

    public static string Process(LegalProcess process) => Processes.First(p => p.Value == process).Label;
}
