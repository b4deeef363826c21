using System.Globalization;
using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Exports;

/// <summary>Why a takedown demand received in the period was not written as a Lumen notice.</summary>
public enum LumenSkip
{
    /// <summary>No decision stands on the case yet.</summary>
    NoDecision,
    /// <summary>A restriction was decided but its approvals are not complete: it is not the platform's answer yet.</summary>
    AwaitingApproval,
    /// <summary>The standing decision asks the authority for clarification or verification: nothing is decided.</summary>
    WaitingForAuthority,
    /// <summary>A non-disclosure order is in force: publishing the demand would break it, so it waits until the order ends.</summary>
    NonDisclosureInForce,
}

/// <summary>A notice as Lumen's API takes it (<c>{"notice":{...}}</c>) and the redactions made in it.</summary>
public sealed record LumenDraft(string Type, JsonObject Notice, IReadOnlyList<LumenRedaction> Redactions);

/// <summary>
/// A government or court takedown demand and its decision as a Lumen notice: <c>CourtOrder</c> when a court ordered
/// it, <c>GovernmentRequest</c> otherwise, with Lumen's field names. The notice is composed from the case's structured
/// facts only (kind, authority, dates, legal basis, targets, outcome): the authority's own statement of reasons is not
/// published, since no redactor can find every name in prose. The official who signed is never named; accounts,
/// e-mail addresses and phone numbers are replaced by marks, and each redaction is listed with its reason.
/// </summary>
public static class LumenNotice
{
    public const string CourtOrder = "CourtOrder", GovernmentRequest = "GovernmentRequest";

    /// <summary>Only demands to restrict content or accounts are takedowns.</summary>
    public static bool IsTakedown(DemandKind kind) => kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction;

    /// <summary>
    /// Why the demand is not exported today, or null when it is. A non-disclosure order binds through its last day
    /// (the user is notified the day after, as the assessment plans it) and one without an end binds until lifted.
    /// </summary>
    public static LumenSkip? Skip(Demand demand, DemandState state, Decision? decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (demand.NonDisclosure is { Required: true } gag && (gag.Until is null || gag.Until >= today))
        {
            return LumenSkip.NonDisclosureInForce;
        }

        return decision switch
        {
            null => LumenSkip.NoDecision,
            { Outcome: Recommendation.RequestClarification or Recommendation.VerifyRequester } => LumenSkip.WaitingForAuthority,
            _ when state is DemandState.AwaitingApproval => LumenSkip.AwaitingApproval,
            { Outcome: Recommendation.RestrictInJurisdiction or Recommendation.Reject or Recommendation.Challenge or Recommendation.RouteViaMlat } => null,
            _ => LumenSkip.NoDecision,
        };
    }

    public static string TypeOf(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.LegalProcess is LegalProcess.CourtOrder || demand.Authority.Type is AuthorityType.Court ? CourtOrder : GovernmentRequest;
    }

    /// <summary>Lumen's action_taken: Yes (restricted as asked), Partial (in fewer places than asked), No.</summary>
    public static string ActionTaken(Demand demand, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Outcome is not Recommendation.RestrictInJurisdiction)
        {
            return "No";
        }

        var asked = demand.Restriction?.Territories ?? [];
        var done = decision.AuthorisedTerritories;
        var all = done.Contains("*") || asked.Count == 0 || (!asked.Contains("*") && asked.All(done.Contains));
        return all ? "Yes" : "Partial";
    }

    public static LumenDraft Build(Demand demand, Decision decision, string platform)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        var redactions = new List<LumenRedaction>();
        var regions = new[] { demand.Authority.Country.Value }.Concat(decision.AuthorisedTerritories.Where(t => t.Length == 2)).Distinct().Take(3).ToList();
        string Clean(string field, string text)
        {
            var r = FreeTextRedactor.Redact(text, regions);
            redactions.AddRange(Enumerable.Repeat(new LumenRedaction(field, LumenRedactionKind.Email), r.Emails));
            redactions.AddRange(Enumerable.Repeat(new LumenRedaction(field, LumenRedactionKind.Phone), r.Phones));
            return r.Text;
        }

        var type = TypeOf(demand);
        var authority = Clean("entity_notice_roles_attributes[0].entity_attributes.name", demand.Authority.Name);
        var a = demand.Authority;
        if (!string.IsNullOrWhiteSpace(a.Officer) || !string.IsNullOrWhiteSpace(a.Email) || !string.IsNullOrWhiteSpace(a.Phone))
        {
            redactions.Add(new LumenRedaction("entity_notice_roles_attributes[0].entity_attributes", LumenRedactionKind.Official));
        }

        var what = demand.Kind is DemandKind.AccountRestriction ? "restrict an account" : "restrict content";
        var notice = new JsonObject
        {
            ["type"] = type,
            ["title"] = $"{(type == CourtOrder ? "Court order" : "Government request")} to {what} from {authority} ({a.Country})",
            ["body"] = Body(demand, decision, authority, platform),
            ["date_received"] = demand.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["jurisdiction_list"] = a.Country.Value,
        };
        if (!string.IsNullOrWhiteSpace(demand.LegalBasis))
        {
            // Lumen keeps regulations as a comma-separated tag list; demands separate the provisions they cite with ';'.
            var basis = Clean("regulation_list", demand.LegalBasis.Trim());
            notice["regulation_list"] = string.Join(", ", basis.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        if (!string.IsNullOrWhiteSpace(a.Reference))
        {
            notice["case_id_number"] = Clean("case_id_number", a.Reference.Trim());
        }

        notice["action_taken"] = ActionTaken(demand, decision);
        notice["works_attributes"] = Works(demand, redactions, Clean);
        var sender = new JsonObject { ["name"] = authority, ["kind"] = "organization", ["country_code"] = a.Country.Value };
        var roles = new JsonArray { new JsonObject { ["name"] = "sender", ["entity_attributes"] = sender } };
        if (type == CourtOrder && a.Type is AuthorityType.Court)
        {
            roles.Add(new JsonObject { ["name"] = "issuing_court", ["entity_attributes"] = sender.DeepClone() });
        }

        roles.Add(new JsonObject { ["name"] = "recipient", ["entity_attributes"] = new JsonObject { ["name"] = platform, ["kind"] = "organization" } });
        notice["entity_notice_roles_attributes"] = roles;
        notice["notes"] = Notes(platform, redactions);
        return new LumenDraft(type, notice, redactions);
    }

    private static JsonArray Works(Demand demand, List<LumenRedaction> redactions, Func<string, string, string> clean)
    {
        var works = new JsonArray();
        for (var i = 0; i < demand.Targets.Count; i++)
        {
            var t = demand.Targets[i];
            var path = $"works_attributes[{works.Count}]";
            var work = new JsonObject();
            string? url = null;
            if (AccountIdentifiers.NamesAccount(t))
            {
                url = LumenRedaction.AccountMark;
                redactions.Add(new LumenRedaction(path + ".infringing_urls_attributes[0].url", LumenRedactionKind.Account));
            }
            else if (t.Type is TargetType.Url or TargetType.Content or TargetType.Email or TargetType.Phone)
            {
                url = t.Type switch
                {
                    TargetType.Email => Mark(path, LumenRedactionKind.Email, FreeTextRedactor.EmailMark),
                    TargetType.Phone => Mark(path, LumenRedactionKind.Phone, FreeTextRedactor.PhoneMark),
                    _ => clean(path + ".infringing_urls_attributes[0].url", t.Id.Trim()),
                };
            }

            work["description"] = t.Type switch
            {
                TargetType.Account => "An account the authority asked to restrict",
                TargetType.Url or TargetType.Content => "Content the authority asked to restrict",
                TargetType.Email or TargetType.Phone => "A contact identifier the authority named",
                _ => $"A {JsonNames.Of(t.Type)} the authority named: {clean(path + ".description", t.Id.Trim())}",
            };
            work["infringing_urls_attributes"] = url is null ? new JsonArray() : new JsonArray { new JsonObject { ["url"] = url } };
            works.Add(work);
        }

        return works;

        string Mark(string path, LumenRedactionKind kind, string mark)
        {
            redactions.Add(new LumenRedaction(path + ".infringing_urls_attributes[0].url", kind));
            return mark;
        }
    }

    private static string Body(Demand demand, Decision decision, string authority, string platform)
    {
        var asked = demand.Restriction is { } r
            ? $"{Verb(r.Action)} {Items(demand)}{Where(r.Territories)}"
            : $"restrict {Items(demand)}";
        var outcome = decision.Outcome switch
        {
            Recommendation.RestrictInJurisdiction => $"{platform} restricted it{Where(decision.AuthorisedTerritories)}.",
            Recommendation.Challenge => $"{platform} challenged the demand and restricted nothing.",
            Recommendation.RouteViaMlat => $"{platform} declined and asked the authority to use mutual legal assistance; nothing was restricted.",
            _ => $"{platform} refused the demand; nothing was restricted.",
        };
        return $"{authority} ({JsonNames.Of(demand.Authority.Type)}, {demand.Authority.Country}) asked {platform} to {asked}. {outcome}";
    }

    private static string Items(Demand demand) => demand.Targets.Count == 1 ? "1 item" : $"{demand.Targets.Count} items";

    private static string Verb(RestrictionAction action) => action switch
    {
        RestrictionAction.Remove => "remove",
        RestrictionAction.GeoBlock => "block",
        RestrictionAction.Suspend => "suspend",
        RestrictionAction.Label => "label",
        _ => "demote",
    };

    private static string Where(IReadOnlyList<string> territories) =>
        territories.Count == 0 ? "" : territories.Contains("*") ? " worldwide" : " in " + string.Join(", ", territories);

    private static string Notes(string platform, List<LumenRedaction> redactions)
    {
        if (redactions.Count == 0)
        {
            return $"Submitted by {platform}. Nothing was redacted.";
        }

        var parts = redactions.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} × {JsonNames.Of(g.Key)}: {LumenRedaction.Reasons[g.Key]}");
        return $"Submitted by {platform}, who redacted before submission — " + string.Join(" ", parts);
    }
}
