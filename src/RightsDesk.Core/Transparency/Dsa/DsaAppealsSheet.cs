using System.Globalization;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// Sheet 7: complaints (Art. 20 appeals) submitted in the period with their outcomes and the median hours to decide,
/// in total and by the kind of restriction the decision under appeal imposed; out-of-court disputes (Art. 21); and
/// suspensions under Art. 23. Outcomes always add up to the total: a complaint not decided by the end of the period is
/// "Decision omitted". A decision imposing several kinds of restriction counts under each kind.
/// </summary>
internal static class DsaAppealsSheet
{
    private const string Submitted =
        "Appeals (DSA Art. 20) submitted in the period, by date submitted (UTC), from the public appeal page and the platform's own flow; one appeal per decision.";

    private const string Pending = "Appeals submitted in the period that no reviewer had decided by the end of the period.";

    private const string NoNewRestriction =
        "An appeal in RightsDesk is against a restriction and can only keep, lift or change it (a change is counted as partially reversed), so no restriction is newly imposed as a result of one.";

    private const string NoActionNotRecorded =
        "RightsDesk records decisions that restrict, not decisions to take no action on a notice, so no appeal against one is recorded.";

    private const string DisputesReferred =
        "Referrals of decisions to certified out-of-court dispute settlement bodies (DSA Art. 21) by users or notifiers, by the day referred (UTC); outcomes as of the end of the period.";

    private const string DisputesOmitted =
        "Referrals withdrawn, declined by the body, or not decided by the end of the period.";

    private const string ImplementedNotRecorded =
        "Not computed: a body's reversal lifts the restriction when it is recorded, but RightsDesk does not record whether the platform carried out a partial reversal.";

    private const string SuspendedForIllegal =
        "Decisions suspending an account (DECISION_ACCOUNT_SUSPENDED) on the ground of illegal content, by date received (UTC).";

    private const string UnfoundedNotRecorded =
        "Not recorded: RightsDesk records no suspension of notifiers or complainants (DSA Art. 23(2)).";

    private const string Art23Illegal =
        "Suspensions under Art. 23(1) of accounts that frequently provided manifestly illegal content, each after a prior warning, proposed in the period (UTC) and confirmed by a second person.";

    private const string Art23Notices =
        "Suspensions under Art. 23(2) of the processing of notices from notifiers who frequently submitted manifestly unfounded notices, each after a prior warning, proposed in the period (UTC) and confirmed by a second person.";

    private const string Art23Complaints =
        "Suspensions under Art. 23(2) of the processing of complaints from complainants who frequently submitted manifestly unfounded complaints, each after a prior warning, proposed in the period (UTC) and confirmed by a second person.";

    public static DsaSheet Build(DsaReportInput input, string period)
    {
        var rows = new List<IReadOnlyList<DsaCell>>();
        void Row(string applicability, string section, string indicator, string scope, DsaCell value, string context) =>
            rows.Add([applicability, input.Service, period, section, indicator, scope, value, context]);

        var complaints = input.Complaints;
        Row(DsaTemplate.All, DsaHeaders.ComplaintsSection, DsaHeaders.ComplaintsSubmitted, DsaHeaders.TotalNumber, DsaCell.Number(complaints.Count), Submitted);
        Outcomes(DsaHeaders.ComplaintsSubmitted, complaints, withOmitted: true);
        Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, DsaHeaders.RestrictionsAfterComplaint, DsaHeaders.TotalNumber, DsaCell.Number(0), NoNewRestriction);
        ByKind(DsaHeaders.ComplaintVisibility, complaints.Where(c => c.Decision.Visibility.Count > 0).ToList(), null);
        ByKind(DsaHeaders.ComplaintService, complaints.Where(c => c.Decision.Provision is not null).ToList(), null);
        ByKind(DsaHeaders.ComplaintAccount, complaints.Where(c => c.Decision.Account is not null).ToList(), null);
        ByKind(DsaHeaders.ComplaintMonetisation, complaints.Where(c => c.Decision.Monetary is not null).ToList(), null);
        ByKind(DsaHeaders.ComplaintNoActionNotice, [], NoActionNotRecorded);
        ByKind(DsaHeaders.ComplaintNoActionTrustedFlagger, [], NoActionNotRecorded);

        var disputes = input.Disputes;
        void Dispute(string scope, DsaCell value, string context) => Row(DsaHeaders.PlatformsOnly, DsaHeaders.DisputesSection, DsaHeaders.DisputesSubmitted, scope, value, context);
        var bodyHours = disputes.Select(d => d.Hours).OfType<double>().ToList();
        Dispute(DsaHeaders.TotalNumber, DsaCell.Number(disputes.Count), DisputesReferred);
        Dispute(DsaHeaders.Upheld, DsaCell.Number(disputes.Count(d => d.Outcome == "upheld")), "");
        Dispute(DsaHeaders.PartiallyReversed, DsaCell.Number(disputes.Count(d => d.Outcome == "partiallyReversed")), "");
        Dispute(DsaHeaders.Reversed, DsaCell.Number(disputes.Count(d => d.Outcome == "reversed")), "");
        Dispute(DsaHeaders.MedianTime, DsaCell.Hours(DsaRules.Median(bodyHours)), DisputeMedianContext(bodyHours.Count, disputes.Count));
        Dispute(DsaHeaders.Omitted, DsaCell.Number(disputes.Count(d => d.Outcome is "withdrawn" or "declined" or "pending")), DisputesOmitted);
        Dispute(DsaHeaders.Implemented, DsaCell.Empty, ImplementedNotRecorded);

        if (input.Misuse is { } art23)
        {
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsIllegal, DsaHeaders.TotalNumber, DsaCell.Number(art23.IllegalContent), Art23Illegal);
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsNotices, DsaHeaders.TotalNumber, DsaCell.Number(art23.UnfoundedNotices), Art23Notices);
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsComplaints, DsaHeaders.TotalNumber, DsaCell.Number(art23.UnfoundedComplaints), Art23Complaints);
        }
        else
        {
            var suspended = input.Measures.Count(m => m.OnTheLaw && m.Account == "DECISION_ACCOUNT_SUSPENDED");
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsIllegal, DsaHeaders.TotalNumber, DsaCell.Number(suspended), SuspendedForIllegal);
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsNotices, DsaHeaders.TotalNumber, DsaCell.Empty, UnfoundedNotRecorded);
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.SuspensionsSection, DsaHeaders.SuspensionsComplaints, DsaHeaders.TotalNumber, DsaCell.Empty, UnfoundedNotRecorded);
        }
        return new DsaSheet("7_appeals_and_recidivism", DsaHeaders.AppealsAndRecidivism, rows);

        void ByKind(string indicator, IReadOnlyList<DsaComplaint> here, string? why)
        {
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.TotalNumber, DsaCell.Number(here.Count), why ?? "");
            Outcomes(indicator, here, withOmitted: false);
        }

        void Outcomes(string indicator, IReadOnlyList<DsaComplaint> here, bool withOmitted)
        {
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.Upheld, Count(here, DsaComplaintOutcome.Upheld), "");
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.PartiallyReversed, Count(here, DsaComplaintOutcome.PartiallyReversed), "");
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.Reversed, Count(here, DsaComplaintOutcome.Reversed), "");
            var hours = here.Select(c => c.Hours).OfType<double>().ToList();
            Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.MedianTime, DsaCell.Hours(DsaRules.Median(hours)), MedianContext(hours.Count, here.Count));
            if (withOmitted)
            {
                Row(DsaHeaders.PlatformsOnly, DsaHeaders.ComplaintsSection, indicator, DsaHeaders.Omitted, Count(here, DsaComplaintOutcome.Pending), Pending);
            }
        }
    }

    private static DsaCell Count(IEnumerable<DsaComplaint> complaints, DsaComplaintOutcome outcome) => DsaCell.Number(complaints.Count(c => c.Outcome == outcome));

    private static string DisputeMedianContext(int n, int of) =>
        n == 0
            ? "Unit: hours. No body decided a dispute here, so there is no median."
            : string.Create(CultureInfo.InvariantCulture, $"Unit: hours, from the day referred to the day of the body's decision (bodies decide by the day); n = {n} of {of} disputes.");

    private static string MedianContext(int n, int of) =>
        n == 0
            ? "Unit: hours. No appeal here was decided, so there is no median."
            : string.Create(CultureInfo.InvariantCulture, $"Unit: hours, from the appeal's submission to the reviewer's decision; n = {n} of {of} appeals.");
}
