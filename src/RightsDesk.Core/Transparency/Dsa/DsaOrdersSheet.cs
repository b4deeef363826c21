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
                    DsaCell.Hours(Median(act, o => o.HoursToInform)), DsaCell.Hours(Median(act, o => o.HoursToGiveEffect)),
                    DsaCell.Number(info.Count), DsaCell.Hours(Median(info, o => o.HoursToInform)), DsaCell.Hours(Median(info, o => o.HoursToGiveEffect)),
                    first ? Received : "", first ? Items : "", InformContext(act), EffectContext(act), first ? InfoReceived : "", InformContext(info), EffectContext(info),
                ]);
            }
        }

        return new DsaSheet("3_member_states_orders", DsaHeaders.MemberStatesOrders, rows);
    }

    private static double? Median(IEnumerable<DsaOrder> orders, Func<DsaOrder, double?> hours) =>
        DsaRules.Median(orders.Select(hours).OfType<double>());

    private static string EffectContext(List<DsaOrder> orders)
    {
        var n = orders.Count(o => o.HoursToGiveEffect is not null);
        return n == 0
            ? "Unit: hours. No order here was given effect in the period, so there is no median."
            : string.Create(CultureInfo.InvariantCulture, $"Unit: hours, from receipt to the order being given effect; n = {n} of {orders.Count} orders (the others were refused, withdrawn or are pending).");
    }

    private static string InformContext(List<DsaOrder> orders)
    {
        var n = orders.Count(o => o.HoursToInform is not null);
        return n == 0
            ? "Unit: hours. No acknowledgement of receipt went for an order here, so there is no median."
            : string.Create(CultureInfo.InvariantCulture, $"Unit: hours (whole hours), from receipt to the acknowledgement of receipt sent to the authority; n = {n} of {orders.Count} orders.");
    }
}
