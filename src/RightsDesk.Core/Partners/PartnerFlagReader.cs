using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Partners;

/// <summary>
/// Reads a partner's flag (the API's body or the partner page's form) into an incident report with the incident
/// channel's own reader, so a flag is held to the same rules as a report. Refusals are named by field; their messages
/// are keys of the public texts, which the API says in English and the page in the partner's words.
/// </summary>
public static class PartnerFlagReader
{
    /// <summary>The flag carries no contact address: the desk answers the partner on the partner's pages.</summary>
    public static IncidentReport Read(
        IReadOnlyList<string>? types, string? description, IReadOnlyList<string>? accounts, IReadOnlyList<string>? content, string? urgency,
        bool physicalDanger, string? country) =>
        IncidentReportReader.Read(new IncidentForm(
            types is { Count: > 0 } ? types : ["other"], description, Lines(accounts), Lines(content), urgency, physicalDanger, "none", null, false, country, "en"));

    private static string Lines(IReadOnlyList<string>? items) => string.Join('\n', (items ?? []).Select(i => i.Replace('\n', ' ').Replace('\r', ' ')));
}
