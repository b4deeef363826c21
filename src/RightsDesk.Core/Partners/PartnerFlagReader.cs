using System.Text.Json;
using RightsDesk.Core.Common;
using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Partners;

/// <summary>
/// Reads a partner's flag (the API's JSON, or the partner page's form turned into the same fields) into an incident
/// report, read by the incident channel's own reader so a flag is held to the same rules as a report. Refusals name
/// the JSON path; their messages are keys of the public texts.
/// </summary>
public static class PartnerFlagReader
{
    public const int MaxBytes = 64 * 1024;
    private static readonly string[] Known = ["types", "description", "accounts", "content", "urgency", "physicalDanger", "country"];

    public static IncidentReport Read(ReadOnlySpan<byte> utf8)
    {
        using var doc = StrictJson.Parse(utf8, MaxBytes, "The flag is larger than 64 KB.");
        var o = doc.RootElement;
        var input = new JsonInput();
        if (o.ValueKind != JsonValueKind.Object)
        {
            input.Error("", "Expected an object.");
            input.ThrowIfAny();
        }

        input.RejectUnknown(o, "", Known);
        var types = Strings(o, "types", input);
        var accounts = Strings(o, "accounts", input);
        var content = Strings(o, "content", input);
        var description = input.OptionalString(o, "description", IncidentReportReader.MaxDescription + 1);
        var urgency = input.OptionalString(o, "urgency", 20);
        var danger = input.OptionalBool(o, "physicalDanger") ?? false;
        var country = input.OptionalString(o, "country", 2);
        input.ThrowIfAny();
        return Read(types.Count == 0 ? ["other"] : types, description, string.Join('\n', accounts), string.Join('\n', content), urgency, danger, country);
    }

    /// <summary>The fields as the partner's form posts them; the flag is a case the desk reaches the partner about
    /// on the partner's pages, so it carries no contact address.</summary>
    public static IncidentReport Read(
        IReadOnlyList<string> types, string? description, string? accounts, string? content, string? urgency, bool physicalDanger, string? country) =>
        IncidentReportReader.Read(new IncidentForm(types, description, accounts, content, urgency, physicalDanger, "none", null, false, country, "en"));

    private static List<string> Strings(JsonElement o, string name, JsonInput input)
    {
        var list = new List<string>();
        if (!input.OptionalArray(o, name, "an array of strings", out var array))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                input.Error($"{name}[{i}]", "A string.");
            }

            i++;
        }

        return list;
    }
}
