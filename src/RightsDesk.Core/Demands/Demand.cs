namespace RightsDesk.Core.Demands;

public enum DemandKind { UserData, ContentRestriction, AccountRestriction, Preservation, NetworkDisruption }

public enum Channel { Portal, Email, Post, Fax, InPerson, Phone, Api }

public enum AuthorityType { LawEnforcement, Prosecutor, Court, Regulator, Intelligence, Executive, Other }

public enum LegalProcess
{
    Subpoena, CourtOrder, SearchWarrant, WiretapOrder, Mlat, EmergencyRequest, AdministrativeOrder, DsaOrder, Informal, None,
}

public enum TargetType { Account, Content, Url, Phone, Email, Keyword, Hashtag, Location }

public enum DataCategory { SubscriberInfo, IpLogs, TrafficMetadata, Location, Contacts, Content, RealTime }

public enum RestrictionAction { Remove, GeoBlock, Suspend, Label, Demote }

public sealed record Authority(
    string Name,
    CountryCode Country,
    AuthorityType Type,
    string? Officer,
    string? Email,
    bool Verified,
    string? Phone = null,
    string? Reference = null,
    VerificationCall? Verification = null);

/// <summary>
/// How staff confirmed the demand with the authority: the number they called, where they found it (never the demand
/// itself) and who confirmed. Only this, recorded on the desk by a person, makes <see cref="Authority.Verified"/> count
/// for a demand that did not come through the portal.
/// </summary>
/// <param name="ConfirmedEmail">An e-mail address the person on the call confirmed for the authority's answers: the
/// one address besides a portal account's that a response letter may be e-mailed to.</param>
public sealed record VerificationCall(string CalledNumber, string NumberSource, string SpokeWith, string? ConfirmedEmail = null);

public sealed record Target(TargetType Type, string Id, CountryCode? Country = null)
{
    /// <summary>Keywords, hashtags and locations select people by what they said or where they were, not who they are.</summary>
    public bool IsIndividualised => Type is TargetType.Account or TargetType.Content or TargetType.Url
        or TargetType.Phone or TargetType.Email;
}

public sealed record DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

public sealed record Restriction(RestrictionAction Action, IReadOnlyList<string> Territories)
{
    public bool IsGlobal => Territories.Contains("*");
}

public sealed record NonDisclosure(bool Required, DateOnly? Until, string? Basis);

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Signed is the demand contract's word for a signed document (JSON documents.signed), not a type.")]
public sealed record DocumentFacts(bool Written, bool Signed, bool OfficialLetterhead);

/// <summary>
/// A state demand as the desk receives it. The JSON names of these properties are a public contract
/// (API, CLI, policy/examples): extend, never rename.
/// </summary>
public sealed record Demand
{
    public required DemandKind Kind { get; init; }
    public bool Emergency { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required Channel Channel { get; init; }
    public required Authority Authority { get; init; }
    public required LegalProcess LegalProcess { get; init; }
    public string? LegalBasis { get; init; }
    public string? Offence { get; init; }
    public string? StatementOfReasons { get; init; }
    /// <summary>The authority's statement of an imminent risk of death or serious physical injury, for emergencies.</summary>
    public string? EmergencyJustification { get; init; }
    /// <summary>The redress available to the provider and the user, which DSA Art. 9/10 orders must state.</summary>
    public string? Redress { get; init; }
    public IReadOnlyList<Target> Targets { get; init; } = [];
    public IReadOnlyList<DataCategory> DataCategories { get; init; } = [];
    public DateRange? DateRange { get; init; }
    public Restriction? Restriction { get; init; }
    public NonDisclosure? NonDisclosure { get; init; }
    public DateOnly? Deadline { get; init; }
    public required DocumentFacts Document { get; init; }

    public bool RequestsData => Kind is DemandKind.UserData || (Kind is DemandKind.Preservation && DataCategories.Count > 0);
}
