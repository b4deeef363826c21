namespace RightsDesk.Core.Security;

/// <summary>What a person or machine may do. Checked on every route and again on every object.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Permission is the word the roles table, the policies and the docs use; it is an enum of permissions, not a permission object.")]
public enum Permission
{
    DemandCreate, DemandRead, DemandAssess, DemandDecide, DemandApprove, DemandFulfil, DemandReadRestricted,
    DocumentRead, NoticeRead, NoticeManage, AtRiskRead, AtRiskManage, LedgerRead, TokenManage,
    AccountManage, PolicyManage, OfficialVerify,
    ModerationSubmit, ModerationRead, ModerationReview,
    ImpactRead, ImpactManage,
    IncidentRead, IncidentManage,
    PartnerVet, PartnerFlag,
    /// <summary>Send notices of illegal content (DSA Art. 16) by API: the platform's reporting flow, trusted flaggers.</summary>
    IllegalContentNoticeSubmit,
    /// <summary>Read the researcher tier of the published takedown originals (each file opened is ledgered).</summary>
    OriginalsResearchRead,
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
    /// <summary>A researcher outside the platform with an account: reads the researcher tier of the published
    /// takedown originals, and nothing of the desk's cases.</summary>
    public const string Researcher = "researcher";
    public const string Admin = "admin";
    /// <summary>The platform's own systems: submit demands and read their status, nothing else.</summary>
    public const string Platform = "platform";
    /// <summary>An official of a requesting authority, using the portal: submits and follows their own demands only.</summary>
    public const string Official = "official";
    /// <summary>A person of a trusted partner organisation: flags urgent cases and follows its own flags, nothing else.</summary>
    public const string Partner = "partner";
    /// <summary>An organisation designated a trusted flagger by a Digital Services Coordinator (DSA Art. 22): a machine
    /// token made with its registry entry, which only sends notices.</summary>
    public const string TrustedFlagger = "trustedFlagger";

    // Deny by default: a role has exactly what is listed here. The auditor sees the ledger, not the secrets;
    // the admin manages accounts and tokens, not cases.
    private static readonly Dictionary<string, Permission[]> Grants = new(StringComparer.Ordinal)
    {
        [Intake] = [Permission.DemandCreate, Permission.DemandRead, Permission.DocumentRead, Permission.OfficialVerify],
        [LegalReviewer] = [Permission.DemandCreate, Permission.DemandRead, Permission.OfficialVerify, Permission.DemandAssess, Permission.DemandDecide, Permission.DemandFulfil, Permission.DocumentRead, Permission.NoticeRead, Permission.NoticeManage, Permission.ImpactRead],
        [Approver] = [Permission.DemandRead, Permission.DemandApprove, Permission.DocumentRead, Permission.NoticeRead, Permission.ImpactRead],
        [HumanRightsLead] = [Permission.DemandRead, Permission.DemandAssess, Permission.DemandDecide, Permission.DemandApprove, Permission.DemandReadRestricted, Permission.DocumentRead, Permission.NoticeRead, Permission.NoticeManage, Permission.AtRiskRead, Permission.AtRiskManage, Permission.ImpactRead, Permission.ImpactManage, Permission.IncidentRead, Permission.IncidentManage, Permission.PartnerVet],
        [TrustAndSafety] = [Permission.DemandRead, Permission.ModerationSubmit, Permission.ModerationRead, Permission.ModerationReview],
        [IncidentResponder] = [Permission.AtRiskRead, Permission.AtRiskManage, Permission.IncidentRead, Permission.IncidentManage, Permission.PartnerVet],
        [Auditor] = [Permission.LedgerRead],
        [Researcher] = [Permission.OriginalsResearchRead],
        [Admin] = [Permission.TokenManage, Permission.LedgerRead, Permission.AccountManage, Permission.PolicyManage],
        [Platform] = [Permission.DemandCreate, Permission.ModerationSubmit, Permission.IllegalContentNoticeSubmit],
        [TrustedFlagger] = [Permission.IllegalContentNoticeSubmit],
        // Officials reach the portal only; what they see there is limited to their own demands in the portal itself.
        [Official] = [],
        [Partner] = [Permission.PartnerFlag],
    };

    /// <summary>The roles a staff account can hold (platform is for machines, official for the portal).</summary>
    public static IReadOnlyList<string> Staff { get; } = [Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety, IncidentResponder, Auditor, Admin, Researcher];

    /// <summary>The roles an API token can carry: any but official (officials are people and sign in to the portal).</summary>
    public static IReadOnlyList<string> TokenRoles { get; } = [.. Staff, Platform];

    public static bool IsStaff(string role) => Staff.Contains(role, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Grants.Keys;

    public static bool Exists(string role) => Grants.ContainsKey(role);

    public static bool Has(string role, Permission permission) =>
        Grants.TryGetValue(role, out var granted) && Array.IndexOf(granted, permission) >= 0;

    public static IReadOnlyList<Permission> Of(string role) => Grants.TryGetValue(role, out var g) ? g : [];
}

/// <summary>Whom an API token acts for: a person (with at most that person's permissions) or a platform system.</summary>
public enum TokenKind { Person, Machine }

/// <summary>
/// What reaches an actor. A session carries its role's permissions. A token carries less: a person's token never
/// manages accounts, tokens or policy, never reads the at-risk registry (it may add to it) or compartmented cases (those stay behind the
/// desk's sign-in with its authenticator), and a machine's token only submits and follows what it submitted.
/// </summary>
public static class Grants
{
    public static IReadOnlySet<Permission> NeverByToken { get; } = new HashSet<Permission>
    {
        Permission.AccountManage, Permission.TokenManage, Permission.PolicyManage,
        Permission.AtRiskRead, Permission.DemandReadRestricted, Permission.IncidentRead, Permission.PartnerVet,
    };

    /// <summary>A machine submits demands and documents and reads the status of its own, and reports the platform's
    /// moderation decisions; it never decides, approves or reviews.</summary>
    public static IReadOnlySet<Permission> Machine { get; } = new HashSet<Permission> { Permission.DemandCreate, Permission.ModerationSubmit, Permission.IllegalContentNoticeSubmit };

    /// <summary>The permissions an actor with <paramref name="role"/> has, through a token of <paramref name="token"/>
    /// kind or (null) through a signed-in session.</summary>
    public static IReadOnlySet<Permission> Effective(string role, TokenKind? token)
    {
        var granted = Roles.Of(role);
        return token switch
        {
            null => granted.ToHashSet(),
            TokenKind.Machine => granted.Where(Machine.Contains).ToHashSet(),
            _ => granted.Where(p => !NeverByToken.Contains(p)).ToHashSet(),
        };
    }

    public static bool Has(string role, TokenKind? token, Permission permission) => Effective(role, token).Contains(permission);
}
