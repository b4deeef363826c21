using System.Text.Json;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Impact;

/// <summary>What an assessment can recommend for a market (UNGP 19; GNI Implementation Guidelines 2.8).</summary>
public enum RecommendationKind
{
    /// <summary>Keep serving under conditions: carried as an escalate override, so every demand of the kinds goes to the human rights lead with the conditions as its reason.</summary>
    Conditions,
    /// <summary>Stop complying with demands of the kinds, as the Hong Kong override does: a suspendAll override.</summary>
    SuspendProcessing,
    /// <summary>Leave the market: the jurisdiction's market flag set to not operating.</summary>
    LeaveMarket,
}

/// <summary>A recommendation is recorded, then proposed as a policy change, then approved by someone else (and so in force).</summary>
public enum RecommendationState { Recorded, Proposed, Approved }

public sealed record RecommendationInput(RecommendationKind Kind, string Country, IReadOnlyList<DemandKind> DemandKinds, string Reasons, IReadOnlyList<Guid> Risks);

/// <summary>Reads a recommendation from JSON with every refusal collected by path.</summary>
public static class RecommendationReader
{
    public static RecommendationInput Read(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "kind", "country", "demandKinds", "reasons", "risks");
        var kind = input.RequiredEnum<RecommendationKind>(o, "kind");
        var country = ImpactReader.Country(input, o, "country", "country");
        var kinds = new List<DemandKind>();
        if (input.OptionalArray(o, "demandKinds", "a list of demand kinds", out var list))
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (input.Enum<DemandKind>(item, $"demandKinds[{i++}]") is { } k && !kinds.Contains(k))
                {
                    kinds.Add(k);
                }
            }
        }

        if (kind != RecommendationKind.LeaveMarket && kinds.Count == 0 && !input.HasErrorAt("demandKinds") && !input.HasErrorAt("kind"))
        {
            input.Error("demandKinds", "Name the kinds of demand the recommendation covers: " + string.Join(", ", JsonNames.All<DemandKind>()) + ".");
        }
        else if (kind == RecommendationKind.LeaveMarket && kinds.Count > 0)
        {
            input.Error("demandKinds", "Leaving a market covers every kind of demand: leave demandKinds out.");
        }

        var reasons = input.RequiredString(o, "reasons", 2000);
        var risks = ImpactReader.Ids(input, o, "risks");
        if (risks.Count == 0 && !input.HasErrorAt("risks"))
        {
            input.Error("risks", "Name the risks this recommendation answers (at least one).");
        }

        input.ThrowIfAny();
        return new RecommendationInput(kind, country!.ToUpperInvariant(), kinds, reasons!, risks);
    }
}

/// <summary>Who may move a recommendation on: a proposal is approved only by a person other than its proposer.</summary>
public static class RecommendationRules
{
    public static IReadOnlyList<FieldError> CanPropose(RecommendationState state) =>
        state == RecommendationState.Recorded ? [] : [new FieldError("recommendation", "This recommendation has already been proposed as a policy change.")];

    public static IReadOnlyList<FieldError> CanApprove(RecommendationState state, Actor proposer, Actor by)
    {
        var errors = new List<FieldError>();
        if (state != RecommendationState.Proposed)
        {
            errors.Add(new FieldError("recommendation", state == RecommendationState.Approved ? "This policy change is already approved and in force." : "Propose the recommendation as a policy change first."));
        }

        if (!by.IsPerson)
        {
            errors.Add(new FieldError("approver", "Only a person approves a policy change."));
        }
        else if (by.IsSamePersonAs(proposer))
        {
            errors.Add(new FieldError("approver", "The person who proposed a policy change cannot approve it: a second person must."));
        }

        return errors;
    }
}
