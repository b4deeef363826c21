namespace RightsDesk.Application.Transparency;

/// <summary>What each table and measure is, in words, for the HTML report, the data package and the schema. A
/// source that adds a table adds its line here; an unknown table is shown by its name.</summary>
public static class ReportTables
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user_data_totals"] = "Government demands for user data: totals",
        ["user_data_by_country"] = "User data demands by country (ISO 3166)",
        ["user_data_by_authority"] = "User data demands by authority type",
        ["user_data_by_process"] = "User data demands by legal process",
        ["user_data_by_emergency"] = "User data demands: emergency or legal process",
        ["user_data_by_outcome"] = "User data demands by outcome",
        ["user_data_by_data"] = "User data demands: content or non-content handed over",
        ["user_data_times"] = "User data demands: time to decide and to complete",
        ["preservation_totals"] = "Preservation demands: totals",
        ["preservation_by_country"] = "Preservation demands by country",
        ["preservation_by_outcome"] = "Preservation demands by outcome",
        ["preservation_times"] = "Preservation demands: time to decide and to complete",
        ["restriction_totals"] = "Government restriction demands: totals",
        ["restriction_by_country"] = "Restriction demands by country",
        ["restriction_by_kind"] = "Restriction demands: content or accounts",
        ["restriction_by_authority"] = "Restriction demands by authority type",
        ["restriction_by_process"] = "Restriction demands by legal ground",
        ["restriction_by_offence"] = "Restriction demands by offence category",
        ["restriction_by_action"] = "Restriction demands by action asked for",
        ["restriction_by_scope"] = "Restriction demands by territorial scope",
        ["restriction_by_outcome"] = "Restriction demands by outcome",
        ["restriction_by_effect"] = "Items restricted: geo-restricted or removed",
        ["restriction_times"] = "Restriction demands: time to decide and to complete",
        ["disruption_totals"] = "Network disruption demands: totals",
        ["disruption_by_country"] = "Network disruption demands by country",
        ["disruption_by_outcome"] = "Network disruption demands: what was done",
        ["user_notice_totals"] = "Users affected by demands: totals",
        ["user_notice_by_situation"] = "User notice: notified, when, or why not",
        ["moderation_totals"] = "Moderation decisions (statements of reasons): totals",
        ["moderation_by_ground"] = "Moderation decisions by ground: illegal content or terms and conditions",
        ["moderation_by_category"] = "Moderation decisions by category (DSA Transparency Database)",
        ["moderation_by_restriction"] = "Moderation decisions by restriction (the most restrictive measure)",
        ["moderation_by_source"] = "Moderation decisions by source: notice, trusted flagger, other notification or own initiative",
        ["moderation_by_automation"] = "Moderation decisions by automation of the decision",
        ["moderation_by_state"] = "Moderation decisions: held for a person, in force or lifted",
        ["appeal_totals"] = "Appeals against moderation decisions (DSA Art. 20): totals",
        ["appeal_by_outcome"] = "Appeals by outcome",
        ["appeal_times"] = "Appeals: time to decide",
        ["dispute_totals"] = "Out-of-court disputes with certified bodies (DSA Art. 21): totals",
        ["dispute_by_outcome"] = "Out-of-court disputes by the body's outcome",
        ["dispute_by_side"] = "Out-of-court disputes by who referred them (the user or the notifier)",
        ["dispute_times"] = "Out-of-court disputes: time to the body's decision",
        ["misuse_totals"] = "Measures against misuse (DSA Art. 23): warnings and suspensions, totals",
        ["misuse_warnings_by_kind"] = "Art. 23 warnings by kind: manifestly illegal content, unfounded notices, unfounded complaints",
        ["misuse_suspensions_by_kind"] = "Art. 23 suspensions applied, by kind of misuse",
        ["misuse_suspensions_by_state"] = "Art. 23 suspensions proposed: waiting for a second person, confirmed, declined or lifted",
        ["incident_totals"] = "Incidents reported by human rights defenders: totals",
        ["incident_by_type"] = "Incidents by type (the first the reporter ticked)",
        ["incident_by_severity"] = "Incidents by severity (S1: threat to life or liberty)",
        ["incident_by_country"] = "Incidents by the reporter's country (ISO 3166)",
        ["incident_times"] = "Incidents: time to acknowledge and to resolve, per severity",
        ["incident_acknowledged_in_target"] = "Incidents acknowledged within their severity's target",
        ["incident_resolved_in_target"] = "Incidents resolved within their severity's target",
        ["illegal_content_notice_totals"] = "Notices of illegal content (DSA Art. 16): totals",
        ["illegal_content_notice_by_submitter"] = "Notices by submitter: notifier, the platform's reporting flow or trusted flagger",
        ["illegal_content_notice_by_outcome"] = "Notices by outcome: decision taken, no action or pending",
        ["illegal_content_notice_by_campaign"] = "Notices flagged as part of a possible coordinated campaign",
        ["illegal_content_notice_times"] = "Notices: time to decide, over all and per submitter",
        ["partner_flag_totals"] = "Trusted partners' flags of incidents: totals, and how many partners flagged",
        ["partner_flag_by_outcome"] = "Partner flags by outcome: upheld, not upheld or pending",
        ["partner_flag_upheld"] = "Partner flags decided: upheld or not",
        ["partner_flag_times"] = "Partner flags: time from the flag to its resolution",
    };

    public static readonly IReadOnlyDictionary<string, string> Measures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["requests"] = "demands received",
        ["requests_share"] = "share of demands",
        ["accounts_specified"] = "accounts named in the demands",
        ["accounts_affected"] = "accounts whose data was handed over, preserved or restricted",
        ["mlat_routed"] = "demands sent back to go through a mutual legal assistance treaty",
        ["forged_or_unverified_caught"] = "demands caught as forged or from a sender that could not be verified",
        ["decided"] = "demands decided",
        ["completed"] = "demands completed",
        ["items_requested"] = "items the demands asked to restrict",
        ["items_restricted"] = "items restricted",
        ["items_restricted_share"] = "share of items restricted",
        ["users"] = "affected users",
        ["decisions"] = "moderation decisions received",
        ["decisions_share"] = "share of moderation decisions",
        ["appeals"] = "appeals submitted",
        ["appeals_share"] = "share of appeals",
        ["appeals_decided"] = "appeals decided",
        ["disputes"] = "disputes referred",
        ["disputes_share"] = "share of disputes",
        ["disputes_decided_by_body"] = "disputes the body decided",
        ["warnings"] = "Art. 23 warnings issued",
        ["suspensions_proposed"] = "Art. 23 suspensions proposed",
        ["suspensions_applied"] = "Art. 23 suspensions confirmed by a second person and applied",
        ["suspensions_proposed_share"] = "share of Art. 23 suspensions proposed",
        ["hours_to_outcome_median"] = "median hours from referral to the body's decision",
        ["hours_to_outcome_p90"] = "90th percentile of hours from referral to the body's decision",
        ["users_share"] = "share of affected users",
        ["hours_to_decide_median"] = "median hours from receipt to decision",
        ["hours_to_decide_p90"] = "90th percentile of hours from receipt to decision",
        ["hours_to_complete_median"] = "median hours from receipt to completion",
        ["hours_to_complete_p90"] = "90th percentile of hours from receipt to completion",
        ["incidents"] = "incidents received",
        ["incidents_share"] = "share of incidents",
        ["illegal_content_notices"] = "notices of illegal content received",
        ["illegal_content_notices_share"] = "share of notices",
        ["illegal_content_notices_decided"] = "notices decided",
        ["partner_flags"] = "flags received from trusted partners",
        ["partner_flags_share"] = "share of partner flags",
        ["partner_flags_decided"] = "partner flags decided",
        ["partner_flags_decided_share"] = "share of partner flags decided",
        ["partner_flags_handled"] = "partner flags resolved",
        ["partners_flagging"] = "trusted partners that flagged",
        ["hours_to_handle_median"] = "median hours from the flag to its resolution",
        ["hours_to_handle_p90"] = "90th percentile of hours from the flag to its resolution",
    }.Concat(IncidentMeasures()).Concat(NoticeMeasures()).ToDictionary(StringComparer.Ordinal);

    /// <summary>The incident measures, one set per severity level.</summary>
    private static IEnumerable<KeyValuePair<string, string>> IncidentMeasures()
    {
        foreach (var s in new[] { "S1", "S2", "S3", "S4" })
        {
            var id = s.ToLowerInvariant();
            yield return new("acknowledged_" + id, $"{s} incidents acknowledged");
            yield return new("acknowledged_" + id + "_share", $"share of {s} incidents acknowledged");
            yield return new("resolved_" + id, $"{s} incidents resolved");
            yield return new("resolved_" + id + "_share", $"share of {s} incidents resolved");
            yield return new("hours_to_acknowledge_" + id + "_median", $"median hours from report to acknowledgement, {s}");
            yield return new("hours_to_acknowledge_" + id + "_p90", $"90th percentile of hours from report to acknowledgement, {s}");
            yield return new("hours_to_resolve_" + id + "_median", $"median hours from report to resolution, {s}");
            yield return new("hours_to_resolve_" + id + "_p90", $"90th percentile of hours from report to resolution, {s}");
        }
    }

    /// <summary>The Art. 16 notice measures per submitter.</summary>
    private static IEnumerable<KeyValuePair<string, string>> NoticeMeasures()
    {
        foreach (var (id, words) in new[] { ("notifier", "notifiers"), ("trustedFlagger", "trusted flaggers"), ("reportingFlow", "the reporting flow") })
        {
            yield return new("illegal_content_notices_decided_" + id, $"notices from {words} decided");
            yield return new("hours_to_decide_" + id + "_median", $"median hours from receipt to decision, notices from {words}");
            yield return new("hours_to_decide_" + id + "_p90", $"90th percentile of hours from receipt to decision, notices from {words}");
        }
    }

    public static string Title(string table) => Titles.TryGetValue(table, out var t) ? t : table;

    public static string Measure(string measure) => Measures.TryGetValue(measure, out var m) ? m : measure;
}
