using RightsDesk.Core.Defenders;

namespace RightsDesk.Core.Ledger.Events;

// The registry's events name the entry (its id), its category and counts: never an identifier, a name or a note.

/// <summary>A person proposed for the at-risk registry; <paramref name="Identifiers"/> is how many identifiers they have.</summary>
public sealed record AtRiskPersonProposed(string Category, AtRiskSource Source, bool Consent, int Identifiers, AtRiskVisibility VisibleTo) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskPersonProposed;

    public void Write(LedgerFields fields) => fields.Add("category", Category).Add("source", Source).Add("consent", Consent)
        .Add("identifiers", Identifiers).Add("visibleTo", VisibleTo);
}

/// <summary>A second person approved the proposal: the entry is active.</summary>
public sealed record AtRiskPersonApproved(string Category) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskPersonApproved;

    public void Write(LedgerFields fields) => fields.Add("category", Category);
}

public sealed record AtRiskRemovalProposed(string Category) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskRemovalProposed;

    public void Write(LedgerFields fields) => fields.Add("category", Category);
}

/// <summary>A second person approved the removal: the entry no longer protects and its identifiers are erased.</summary>
public sealed record AtRiskPersonRemoved(string Category) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskPersonRemoved;

    public void Write(LedgerFields fields) => fields.Add("category", Category);
}

/// <param name="People">How many entries the page showed.</param>
/// <param name="Identifiers">How many identifiers were opened to show them.</param>
public sealed record AtRiskRegistryRead(int People, int Identifiers) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskRegistryRead;

    public void Write(LedgerFields fields) => fields.Add("people", People).Add("identifiers", Identifiers);
}

/// <summary>An entry of the earlier one-identifier registry moved to a person, with the kind read from its shape.</summary>
public sealed record AtRiskEntryMigrated(string Category, IdentifierKind Kind) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskEntryMigrated;

    public void Write(LedgerFields fields) => fields.Add("category", Category).Add("kind", Kind);
}
