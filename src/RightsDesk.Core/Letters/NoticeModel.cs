using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// What the affected user is told about a demand concerning them. It is built so that it cannot say anything about
/// anyone else: no other targets, no target count, no officer, no statement of reasons or offence text (which often
/// names co-accused or witnesses). The user learns who demanded what, under which law, what was done, and how to
/// challenge it.
/// </summary>
public sealed record NoticeModel
{
    public required string OperatorName { get; init; }
    public required DateOnly NoticeDate { get; init; }

    public required DemandKind DemandKind { get; init; }
    public required string AuthorityName { get; init; }
    public required string Country { get; init; }
    public required string CountryName { get; init; }
    public required LegalProcess LegalProcess { get; init; }
    public string? LegalBasis { get; init; }
    /// <summary>The authority's own case reference, which the user or a lawyer needs to contest the demand.</summary>
    public string? Reference { get; init; }
    public required DateOnly ReceivedDate { get; init; }

    public IReadOnlyList<DataCategory> RequestedCategories { get; init; } = [];
    public RestrictionAction? RestrictionAction { get; init; }
    public IReadOnlyList<string> RequestedTerritories { get; init; } = [];

    public required Recommendation Decision { get; init; }
    public IReadOnlyList<DataCategory> DisclosedCategories { get; init; } = [];
    public IReadOnlyList<string> RestrictedTerritories { get; init; } = [];
    public IReadOnlyList<DataCategory> PreservedCategories { get; init; } = [];

    public bool DelayedByNonDisclosure { get; init; }
    public DateOnly? NonDisclosureUntil { get; init; }
    public bool DelayedByEmergency { get; init; }

    /// <summary>The redress the authority stated (DSA Art. 9/10 orders must state it), verbatim.</summary>
    public string? AuthorityRedress { get; init; }
    /// <summary>Where the user appeals to the operator: an address or URL. Required: a notice without a way to
    /// contest the decision does not meet UNGP Principle 31 or DSA Art. 20.</summary>
    public required string AppealContact { get; init; }

    public static NoticeModel From(Demand demand, AssessmentResult assessment, Recommendation decision, PolicySet policy, DateOnly date, string? appealContact = null, DecidedScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(demand);
        return From(demand, assessment, decision, policy.Operator, date, policy.ProfileFor(demand.Authority.Country.Value), appealContact, scope);
    }

    /// <param name="appealContact">Where the user appeals; defaults to the operator's contact e-mail.</param>
    /// <exception cref="ArgumentException">when there is no appeal contact at all.</exception>
    public static NoticeModel From(
        Demand demand,
        AssessmentResult assessment,
        Recommendation decision,
        OperatorSettings op,
        DateOnly date,
        JurisdictionProfile authorityProfile,
        string? appealContact = null,
        DecidedScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(authorityProfile);

        var appeal = string.IsNullOrWhiteSpace(appealContact) ? op.ContactEmail : appealContact.Trim();
        if (string.IsNullOrWhiteSpace(appeal))
        {
            throw new ArgumentException("A user notice must tell the user where to appeal: pass an appeal contact or set contactEmail in policy/operator.json.", nameof(appealContact));
        }

        var country = demand.Authority.Country.Value;
        var plan = assessment.UserNotice.Plan;
        return new NoticeModel
        {
            OperatorName = op.Name,
            NoticeDate = date,
            DemandKind = demand.Kind,
            AuthorityName = demand.Authority.Name,
            Country = country,
            CountryName = LetterModel.CountryNameOf(country, authorityProfile),
            LegalProcess = demand.LegalProcess,
            LegalBasis = demand.LegalBasis,
            Reference = demand.Authority.Reference,
            ReceivedDate = DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime),
            RequestedCategories = demand.DataCategories,
            RestrictionAction = demand.Restriction?.Action,
            RequestedTerritories = demand.Restriction?.Territories ?? [],
            Decision = decision,
            // The same scope rules as the letter to the authority, so user and authority are told the same facts.
            DisclosedCategories = LetterModel.DisclosedFor(demand, assessment, decision, scope),
            RestrictedTerritories = LetterModel.RestrictedFor(demand, assessment, decision, scope),
            PreservedCategories = LetterModel.PreservationFor(demand, assessment, decision)?.Categories ?? [],
            DelayedByNonDisclosure = plan is NoticePlan.AfterNonDisclosure or NoticePlan.ReviewNonDisclosure,
            NonDisclosureUntil = demand.NonDisclosure is { Required: true } nd ? nd.Until : null,
            DelayedByEmergency = plan is NoticePlan.AfterEmergency,
            AuthorityRedress = demand.Redress,
            AppealContact = appeal,
        };
    }
}
