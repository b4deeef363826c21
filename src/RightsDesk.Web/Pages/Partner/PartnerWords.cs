using RightsDesk.Web.Pages.Desk.Impact;

namespace RightsDesk.Web.Pages.Partner;

/// <summary>
/// Stored names (outcomes, incident types, areas of expertise) read as words on the partner's and the desk's pages:
/// a partner reads "content removed", not the wire name "contentRemoved". Lists are stored comma-separated.
/// </summary>
public static class PartnerWords
{
    public static string Of(string name) => name switch
    {
        "lgbtiRights" => "LGBTI rights",
        "accountSecured" => "account secured",
        "escalatedToPartner" => "escalated to a partner",
        "noActionPossible" => "no action possible",
        _ => ImpactText.Words(name),
    };

    public static string List(string csv) =>
        string.Join(", ", csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Of));
}
