namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// Sheets 9 to 11. Human resources (9) and average monthly active recipients (10) are only for very large online
/// platforms and search engines; RightsDesk knows neither figure, so the rows are written with the value empty (and,
/// where the sheet has the column, why). The qualitative sheet (11) carries the texts the report input gives, by
/// indicator; an indicator without one is written empty for the operator to fill.
/// </summary>
internal static class DsaVlopSheets
{
    private const string NotKnown =
        "Only for VLOPs. RightsDesk does not hold staffing figures; a designated very large platform fills these rows.";

    public static DsaSheet HumanResources(DsaReportInput input, string period)
    {
        var rows = DsaHeaders.HumanResourcesIndicators
            .Select(i => (IReadOnlyList<DsaCell>)[DsaHeaders.VlopsOnly, input.Service, period, DsaHeaders.HumanResourcesSection, i, DsaHeaders.TotalNumber, DsaCell.Empty, NotKnown])
            .ToList();
        return new DsaSheet("9_human_resources", DsaHeaders.HumanResources, rows);
    }

    public static DsaSheet Amar(DsaReportInput input, string period)
    {
        var rows = DsaRules.MemberStates.Prepend(DsaTemplate.Total)
            .Select(ms => (IReadOnlyList<DsaCell>)[DsaHeaders.VlopsAndVlosesOnly, input.Service, period, "AMAR", DsaHeaders.AmarIndicator, ms, DsaCell.Empty])
            .ToList();
        return new DsaSheet("10_AMAR", DsaHeaders.Amar, rows);
    }

    public static DsaSheet Qualitative(DsaReportInput input, string period)
    {
        var rows = DsaHeaders.QualitativeIndicators
            .Select((indicator, i) => (IReadOnlyList<DsaCell>)[i < 6 ? DsaTemplate.All : DsaHeaders.VlopsOnly, input.Service, period, indicator, input.Qualitative.GetValueOrDefault(indicator, "")])
            .ToList();
        return new DsaSheet("11_qualitative", DsaHeaders.Qualitative, rows);
    }
}
