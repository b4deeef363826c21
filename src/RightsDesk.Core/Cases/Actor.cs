namespace RightsDesk.Core.Cases;

/// <summary>Who acts: a person (a staff account or an official), a machine (a platform system's token), or the system
/// itself (a scheduled job). Four eyes and every "who did this" rule compare <see cref="Id"/>, never a display name.</summary>
public enum ActorKind
{
    Person, Machine, System,
}

/// <summary>
/// The one identity every ledger event and every decision names. A person acting through an API token is still that
/// person (<see cref="Via"/> names the token), so two tokens of one person are one person to four eyes.
/// </summary>
public sealed record Actor
{
    private Actor(ActorKind kind, string id, string name, string? via)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Kind = kind;
        Id = id;
        Name = name;
        Via = via;
    }

    public ActorKind Kind { get; }

    /// <summary>Stable identity: the account id of a person, the token id of a machine, the component of the system.</summary>
    public string Id { get; }

    /// <summary>What people read: the account's user name, the token's name, the job's name.</summary>
    public string Name { get; }

    /// <summary>For a person acting through an API token: that token's id.</summary>
    public string? Via { get; }

    public static Actor Person(string accountId, string userName, string? viaToken = null) => new(ActorKind.Person, accountId, userName, viaToken);

    public static Actor Machine(string tokenId, string tokenName) => new(ActorKind.Machine, tokenId, tokenName, null);

    public static Actor System(string component) => new(ActorKind.System, component, component, null);

    public bool IsPerson => Kind == ActorKind.Person;

    /// <summary>Whether both are the same person: the rule four eyes rests on.</summary>
    public bool IsSamePersonAs(Actor other) => IsPerson && other is { IsPerson: true } && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <summary>
    /// The actor as the ledger and the case history write it. People keep the form the ledger has always used (the
    /// user name); machines are "token:" + name as before; the system is "system:" + component.
    /// </summary>
    public string LedgerName => Kind switch
    {
        ActorKind.Person => Name,
        ActorKind.Machine => "token:" + Name,
        _ => "system:" + Name,
    };

    public override string ToString() => LedgerName;
}
