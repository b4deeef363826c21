namespace RightsDesk.Core.Security;

/// <summary>What a person or machine may do. Checked on every route and again on every object.</summary>
public enum Permission
{
    DemandCreate, DemandRead, DemandAssess, DemandDecide, DemandApprove, DemandFulfil, DemandReadRestricted,
    DocumentRead, NoticeRead, NoticeManage, AtRiskRead, AtRiskManage, LedgerRead, TokenManage,
}

public static class Roles
{
    public const string Intake = "intake";
    public const string LegalReviewer = "legalReviewer";
    public const string Approver = "approver";
    public const string HumanRightsLead = "humanRightsLead";
    public const string TrustAndSafety = "trustAndSafety";
    public const string IncidentResponder = "incidentResponder";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    /// <summary>The platform's own systems: submit demands and read their status, nothing else.</summary>
    public const string Platform = "platform";

    // Deny by default: a role has exactly what is listed here. The auditor sees the ledger, not the secrets;
    // the admin manages accounts and tokens, not cases.
    private static readonly Dictionary<string, Permission[]> Grants = new(StringComparer.Ordinal)
    {
        [Intake] = [Permission.DemandCreate, Permission.DemandRead, Permission.DocumentRead],
        [LegalReviewer] = [Permission.DemandCreate, Permission.DemandRead, Permission.DemandAssess, Permission.DemandDecide, Permission.DemandFulfil, Permission.DocumentRead, Permission.NoticeRead, Permission.NoticeManage],
        [Approver] = [Permission.DemandRead, Permission.DemandApprove, Permission.DocumentRead, Permission.NoticeRead],
        [HumanRightsLead] = [Permission.DemandRead, Permission.DemandAssess, Permission.DemandDecide, Permission.DemandApprove, Permission.DemandReadRestricted, Permission.DocumentRead, Permission.NoticeRead, Permission.NoticeManage, Permission.AtRiskRead, Permission.AtRiskManage],
        [TrustAndSafety] = [Permission.DemandRead],
        [IncidentResponder] = [Permission.AtRiskRead, Permission.AtRiskManage],
        [Auditor] = [Permission.LedgerRead],
        [Admin] = [Permission.TokenManage, Permission.LedgerRead],
        [Platform] = [Permission.DemandCreate],
    };

    public static IReadOnlyCollection<string> All => Grants.Keys;

    public static bool Exists(string role) => Grants.ContainsKey(role);

    public static bool Has(string role, Permission permission) =>
        Grants.TryGetValue(role, out var granted) && Array.IndexOf(granted, permission) >= 0;

    public static IReadOnlyList<Permission> Of(string role) => Grants.TryGetValue(role, out var g) ? g : [];
}
