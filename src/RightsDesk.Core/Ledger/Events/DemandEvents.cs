using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// What a transparency report counts about a demand, none of it personal: its kind, the authority's country and type,
/// the legal process invoked, whether it claimed an emergency, and the day it was received. Added to the demand's
/// events after the first releases, so it is written only when given (see <see cref="ILedgerEvent.Write"/>).
/// </summary>
public sealed record DemandDimensions(DemandKind Kind, string Country, AuthorityType AuthorityType, LegalProcess LegalProcess, bool Emergency, DateOnly ReceivedOn)
{
    public void Write(LedgerFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        f.Add("kind", Kind).Add("country", Country);
        WriteBeyondKindAndCountry(f);
    }

    /// <summary>For <see cref="DemandCreated"/>, which has always carried kind and country itself.</summary>
    internal void WriteBeyondKindAndCountry(LedgerFields f) =>
        f.Add("authorityType", AuthorityType).Add("legalProcess", LegalProcess).Add("emergency", Emergency).Add("receivedOn", LedgerFields.Day(ReceivedOn));
}

/// <param name="Via">How it reached the desk (api, desk, portal, import); absent on events stored before it was recorded.</param>
/// <param name="Case">The report dimensions beyond kind and country; absent on events stored before they were recorded.</param>
public sealed record DemandCreated(DemandKind Kind, string Country, Channel Channel, string DemandSha256, string? Via = null, DemandDimensions? Case = null, DateOnly? Deadline = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandCreated;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("kind", Kind).Add("country", Country).Add("channel", Channel).Add("demandSha256", DemandSha256).AddIfKnown("via", Via)
            .AddIfKnown("deadline", Deadline);
        Case?.WriteBeyondKindAndCountry(fields);
    }
}

public sealed record DocumentUploaded(Guid Document, string Sha256, long Length) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DocumentUploaded;

    public void Write(LedgerFields fields) => fields.Add("document", Document).Add("sha256", Sha256).Add("length", Length);
}

public sealed record DemandAssessed(Recommendation Recommendation, string PolicyVersion, bool Escalation, int RequiredApprovals, RequesterStatus Requester, DemandDimensions? Case = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandAssessed;

    public void Write(LedgerFields fields)
    {
        fields.Add("recommendation", Recommendation).Add("policyVersion", PolicyVersion).Add("escalation", Escalation)
            .Add("requiredApprovals", RequiredApprovals).Add("requester", Requester);
        Case?.Write(fields);
    }
}

/// <param name="Widens">What the decision authorises beyond the assessment's allowance, said outright so an auditor
/// finds it without recomputing; absent when it authorises nothing more (and on events stored before it was recorded).</param>
public sealed record DecisionRecorded(Guid Decision, Recommendation Outcome, bool Departs, IReadOnlyList<DataCategory> Categories, IReadOnlyList<string> Territories, DemandDimensions? Case = null, BeyondAllowance? Widens = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DecisionRecorded;

    public void Write(LedgerFields fields)
    {
        fields.Add("decision", Decision).Add("outcome", Outcome).Add("departs", Departs)
            .Add("categories", LedgerFields.List(Categories, c => JsonNames.Of(c))).Add("territories", string.Join(",", Territories));
        Case?.Write(fields);
        if (Widens is { } w)
        {
            fields.Add("widens", true)
                .Add("widenedCategories", LedgerFields.List(w.Categories, c => JsonNames.Of(c)))
                .Add("widenedTargets", string.Join(",", w.Targets))
                .Add("widenedTerritories", string.Join(",", w.Territories));
        }
    }
}

/// <param name="Outcome">The outcome approved; absent on events stored before it was recorded.</param>
public sealed record DecisionApproved(Guid Decision, int Approvals, int Required, Recommendation? Outcome = null, DemandDimensions? Case = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DecisionApproved;

    public void Write(LedgerFields fields)
    {
        fields.Add("decision", Decision).Add("approvals", Approvals).Add("required", Required).AddIfKnown("outcome", Outcome);
        Case?.Write(fields);
    }
}

public sealed record DecisionSentBack(Guid Decision) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DecisionSentBack;

    public void Write(LedgerFields fields) => fields.Add("decision", Decision);
}

public sealed record DemandStateChanged(DemandState State) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandStateChanged;

    public void Write(LedgerFields fields) => fields.Add("state", State);
}

/// <param name="Outcome">The decided outcome fulfilled; absent on events stored before it was recorded.</param>
public sealed record DisclosurePackageCreated(Guid Package, string ManifestSha256, int Items, Recommendation? Outcome = null, DemandDimensions? Case = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DisclosurePackageCreated;

    public void Write(LedgerFields fields)
    {
        fields.Add("package", Package).Add("manifestSha256", ManifestSha256).Add("items", Items).AddIfKnown("outcome", Outcome);
        Case?.Write(fields);
    }
}

/// <param name="Outcome">The standing decision's outcome when the demand closed, if it had one.</param>
/// <param name="From">The state it closed from; absent on events stored before it was recorded.</param>
public sealed record DemandClosed(DemandState? From = null, Recommendation? Outcome = null, DemandDimensions? Case = null) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandClosed;

    public void Write(LedgerFields fields)
    {
        fields.AddIfKnown("from", From).AddIfKnown("outcome", Outcome);
        Case?.Write(fields);
    }
}

/// <param name="Requester">The portal account the package is released to (a pseudonymous account id, as stored).</param>
public sealed record PackageReleased(Guid Release, Guid Package, string Requester, DateTimeOffset ExpiresAt) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PackageReleased;

    public void Write(LedgerFields fields) => fields.Add("release", Release).Add("package", Package).Add("requester", Requester)
        .Add("expiresAt", ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
}

public sealed record ClarificationRequested(Guid Clarification) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ClarificationRequested;

    public void Write(LedgerFields fields) => fields.Add("clarification", Clarification);
}

public sealed record ClarificationAnswered(Guid Clarification) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ClarificationAnswered;

    public void Write(LedgerFields fields) => fields.Add("clarification", Clarification);
}

/// <param name="AtIntake">True when the call-back was recorded with the demand at intake (written only then, as before).</param>
/// <param name="AddressConfirmed">The call also confirmed an e-mail address for letters (the address is sealed on the
/// case, never written here).</param>
public sealed record RequesterVerifiedByCallBack(bool AtIntake = false, bool AddressConfirmed = false) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.RequesterVerifiedByCallBack;

    public void Write(LedgerFields fields) =>
        fields.Add("method", "callBack").AddIfKnown("atIntake", AtIntake ? true : null).AddIfKnown("addressConfirmed", AddressConfirmed ? true : null);
}

/// <summary>A case given to a person (by their account). <paramref name="ByLead"/>: a restricted case given to someone
/// not cleared for restricted cases, which only the human rights lead may do.</summary>
public sealed record DemandAssigned(string To, string ToId, string? From, bool Restricted, bool ByLead) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandAssigned;

    public void Write(LedgerFields fields) =>
        fields.Add("to", To).Add("toId", ToId).Add("from", From).Add("restricted", Restricted).Add("byLead", ByLead);
}

/// <summary>An internal note added to a case: its id and length; the text is sealed with the case, never here.</summary>
public sealed record DemandNoteAdded(Guid Note, int Length) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandNoteAdded;

    public void Write(LedgerFields fields) => fields.Add("note", Note).Add("length", Length);
}
