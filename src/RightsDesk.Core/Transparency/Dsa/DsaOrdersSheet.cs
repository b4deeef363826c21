using System.Globalization;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>Sheet 3: orders from Member States' authorities (Arts. 9 and 10), every category and keyword row for the
/// total and for each Member State.</summary>
internal static class DsaOrdersSheet
{
    public const string CategoryRule =
        "RightsDesk classifies an order by the offence category of the law it rests on (policy/offences.json); an order is placed under a keyword only where that category names one (terrorism: KEYWORD_TERRORIST_CONTENT; defamation: KEYWORD_DEFAMATION), otherwise here.";

    private const string Received =
        "Orders under Art. 9 from authorities of the 27 Member States, by date received (UTC). Demands from outside the EU, network disruption demands and demands caught as forged or unverified are not counted.";

    private const string Items = "Items (posts, URLs, accounts) named in the orders, as recorded at intake.";

    private const string NotInformed =
        "Not recorded: RightsDesk acknowledges an order when it is registered and does not record a separate time at which the authority was told of its receipt.";

    private const string InfoReceived =
        "Orders under Art. 10 (user data and preservation) from authorities of the 27 Member States, by date received (UTC).";

    public static DsaSheet Build(DsaReportInput input, string period)
    {
        var rows = new List<IReadOnlyList<DsaCell>>();
        foreach (var scope in DsaRules.MemberStates.Prepend(DsaTemplate.Total))
        {
            var inScope = input.Orders.Where(o => scope == DsaTemplate.Total || o.MemberState == scope).ToList();
            foreach (var (code, counts) in DsaTemplate.RowsOf(DsaCategories.ForOrders))
            {
                var here = inScope.Where(o => counts(o.Category, o.Keyword)).ToList();
                var act = here.Where(o => o.Kind == DsaOrderKind.ActAgainstContent).ToList();
                var info = here.Where(o => o.Kind == DsaOrderKind.ProvideInformation).ToList();
                var first = scope == DsaTemplate.Total && code == DsaTemplate.Total;
                rows.Add(
                [
                    DsaTemplate.All, input.Service, period, code, "", scope,
                    DsaCell.Number(act.Count), DsaCell.Number(act.Sum(o => (long)o.Items)),
                    DsaCell.Empty, DsaCell.Hours(Median(act)),
                    DsaCell.Number(info.Count), DsaCell.Empty, DsaCell.Hours(Median(info)),
                    first ? Received : "", first ? Items : "", NotInformed, HoursContext(act), first ? InfoReceived : "", NotInformed, HoursContext(info),
                ]);
            }
        }

        return new DsaSheet("3_member_states_orders", DsaHeaders.MemberStatesOrders, rows);
    }

    private static double? Median(IEnumerable<DsaOrder> orders) =>
        DsaRules.Median(orders.Where(o => o.HoursToGiveEffect is not null).Select(o => o.HoursToGiveEffect!.Value));

    private static string HoursContext(List<DsaOrder> orders)
    {
        var n = orders.Count(o => o.HoursToGiveEffect is not null);
        return n == 0
            ? "Unit: hours. No order here was given effect in the period, so there is no median."
            : string.Create(CultureInfo.InvariantCulture, $"Unit: hours, from receipt to the order being given effect; n = {n} of {orders.Count} orders (the others were refused, withdrawn or are pending).");
    }
}
