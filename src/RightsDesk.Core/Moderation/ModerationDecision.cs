using System.Text.Json.Serialization;

namespace RightsDesk.Core.Moderation;

/// <summary>
/// A moderation decision as the platform reports it. The first group of properties is the DSA Transparency
/// Database's statement of reasons (its field names in camelCase, its values verbatim); the last group is
/// RightsDesk's own, which the database has no field for. Serialised with <see cref="JsonNames.Options"/> it keeps
/// those names, so the sealed copy, the export and the platform's body all speak one vocabulary.
/// </summary>
public sealed record ModerationDecision
{
    public IReadOnlyList<string> DecisionVisibility { get; init; } = [];
    public string? DecisionVisibilityOther { get; init; }
    public string? DecisionMonetary { get; init; }
    public string? DecisionMonetaryOther { get; init; }
    public string? DecisionProvision { get; init; }
    public string? DecisionAccount { get; init; }
    public string? AccountType { get; init; }
    public required string DecisionGround { get; init; }
    public string? DecisionGroundReferenceUrl { get; init; }
    public string? IllegalContentLegalGround { get; init; }
    public string? IllegalContentExplanation { get; init; }
    public string? IncompatibleContentGround { get; init; }
    public string? IncompatibleContentExplanation { get; init; }
    public string? IncompatibleContentIllegal { get; init; }
    public IReadOnlyList<string> ContentType { get; init; } = [];
    public string? ContentTypeOther { get; init; }
    public required string Category { get; init; }
    public IReadOnlyList<string> CategoryAddition { get; init; } = [];
    public IReadOnlyList<string> CategorySpecification { get; init; } = [];
    public string? CategorySpecificationOther { get; init; }

    /// <summary>ISO 3166-1 codes where the measure applies, sorted (<c>EEA</c> in the input stands for its 30
    /// members), or <c>["GLOBAL"]</c> alone for everywhere.</summary>
    public IReadOnlyList<string> TerritorialScope { get; init; } = [];
    public string? ContentLanguage { get; init; }
    public required DateOnly ContentDate { get; init; }
    public required DateOnly ApplicationDate { get; init; }
    public DateOnly? EndDateAccountRestriction { get; init; }
    public DateOnly? EndDateMonetaryRestriction { get; init; }
    public DateOnly? EndDateServiceRestriction { get; init; }
    public DateOnly? EndDateVisibilityRestriction { get; init; }
    public required string DecisionFacts { get; init; }
    public required string SourceType { get; init; }
    public string? SourceIdentity { get; init; }
    public required string AutomatedDetection { get; init; }
    public required string AutomatedDecision { get; init; }
    public required string Puid { get; init; }

    public ContentId? ContentId { get; init; }

    // RightsDesk's own fields.

    /// <summary>The government demand this decision carries out, when it does: its statement says so.</summary>
    public Guid? DemandId { get; init; }

    /// <summary>The Art. 16 notice the decision follows, by its id or its NTC- reference. Left out of the body when
    /// absent, so a decision stored before the field existed hashes as it did and a retry of it is still 'existing'.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NoticeId { get; init; }

    /// <summary>The language the affected user reads, for the statement of reasons (one of the public pages').</summary>
    public required string UserLanguage { get; init; }

    /// <summary>The affected account as the platform names it (a handle, an e-mail address, a URL), for the account's
    /// decision history. Sealed; found by a keyed index of its canonical form.</summary>
    public string? Account { get; init; }

    public const string Everywhere = "GLOBAL";

    /// <summary>The measure applies everywhere, not only where a law applies.</summary>
    [JsonIgnore]
    public bool Global => TerritorialScope is [Everywhere];

    [JsonIgnore]
    public bool IsFullyAutomated => string.Equals(AutomatedDecision, Tdb.FullyAutomated, StringComparison.Ordinal);

    /// <summary>Whether the measure reaches the EEA, and so belongs in the Transparency Database.</summary>
    [JsonIgnore]
    public bool ReachesEea => Global || TerritorialScope.Any(c => Tdb.Eea.Contains(c, StringComparer.Ordinal));
}

/// <summary>content_id: the database's only key is <c>EAN-13</c>, a product's barcode.</summary>
public sealed record ContentId([property: JsonPropertyName("EAN-13")] string Ean13);
