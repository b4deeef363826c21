using System.Globalization;
using System.Text.Json.Nodes;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Portal;

namespace RightsDesk.Web.Portal;

/// <summary>
/// The portal's demand form. It is turned into the same JSON contract the API takes and read by the same
/// <see cref="DemandReader"/>, so a demand from the portal is validated exactly like any other; the reader's errors
/// (by JSON path) are mapped back to the form's fields. The authority is not typed: it comes from the verified profile.
/// </summary>
public sealed class SubmissionForm
{
    public string? Kind { get; set; }
    public bool Emergency { get; set; }
    public string? EmergencyJustification { get; set; }
    public string? LegalProcess { get; set; }
    public string? Reference { get; set; }
    public string? LegalBasis { get; set; }
    public string? Offence { get; set; }
    public string? StatementOfReasons { get; set; }
    public string? Redress { get; set; }
    /// <summary>One target per line: its type, then the identifier ("account @name", "url https://…").</summary>
    public string? Targets { get; set; }
    public List<string> DataCategories { get; set; } = [];
    public string? DateFrom { get; set; }
    public string? DateTo { get; set; }
    public string? RestrictionAction { get; set; }
    /// <summary>Two-letter country codes separated by commas or spaces, or "*".</summary>
    public string? Territories { get; set; }
    public bool NonDisclosure { get; set; }
    public string? NonDisclosureUntil { get; set; }
    public string? NonDisclosureBasis { get; set; }
    public string? Deadline { get; set; }
    public bool Signed { get; set; }
    public bool OfficialLetterhead { get; set; }

    /// <summary>The key for errors that belong to no single field: shown at the top of the form.</summary>
    public const string General = "";

    /// <summary>The demand as the API would receive it, plus which form line each target came from.</summary>
    public (JsonObject Json, IReadOnlyList<int> TargetLines) ToJson(OfficialProfile profile, OfficialContact contact, string email, DateTimeOffset now, bool hasDocument)
    {
        var authority = new JsonObject
        {
            ["name"] = profile.AuthorityName,
            ["country"] = profile.Country,
            ["type"] = JsonNames.Of(profile.AuthorityType),
            ["officer"] = $"{contact.Name}, {contact.Title}",
            ["email"] = email,
            ["phone"] = contact.Phone,
            // Staff verified this account by call-back; the assessment also reads that from the portal's own record.
            ["verified"] = true,
        };
        Put(authority, "reference", Reference);

        var o = new JsonObject
        {
            ["emergency"] = Emergency,
            ["receivedAt"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["channel"] = JsonNames.Of(Channel.Portal),
            ["authority"] = authority,
        };
        Put(o, "kind", Kind);
        Put(o, "legalProcess", LegalProcess);
        Put(o, "legalBasis", LegalBasis);
        Put(o, "offence", Offence);
        Put(o, "statementOfReasons", StatementOfReasons);
        if (Emergency)
        {
            Put(o, "emergencyJustification", EmergencyJustification);
        }

        Put(o, "redress", Redress);

        var lines = new List<int>();
        var targets = new JsonArray();
        var lineNumber = 0;
        foreach (var raw in (Targets ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var type = (space < 0 ? line : line[..space]).TrimEnd(':').ToLowerInvariant();
            var id = space < 0 ? "" : line[(space + 1)..].Trim();
            var target = new JsonObject { ["type"] = type };
            Put(target, "id", id);
            targets.Add(target);
            lines.Add(lineNumber);
        }

        o["targets"] = targets;
        o["dataCategories"] = new JsonArray(DataCategories.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Select(c => (JsonNode)c).ToArray());
        if (!string.IsNullOrWhiteSpace(DateFrom) || !string.IsNullOrWhiteSpace(DateTo))
        {
            var range = new JsonObject();
            Put(range, "from", DateFrom);
            Put(range, "to", DateTo);
            o["dateRange"] = range;
        }

        if (!string.IsNullOrWhiteSpace(RestrictionAction) || !string.IsNullOrWhiteSpace(Territories))
        {
            var restriction = new JsonObject();
            Put(restriction, "action", RestrictionAction);
            restriction["territories"] = new JsonArray((Territories ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => (JsonNode)(t == "*" ? t : t.ToUpperInvariant())).ToArray());
            o["restriction"] = restriction;
        }

        if (NonDisclosure)
        {
            var nd = new JsonObject { ["required"] = true };
            Put(nd, "until", NonDisclosureUntil);
            Put(nd, "basis", NonDisclosureBasis);
            o["nonDisclosure"] = nd;
        }

        Put(o, "deadline", Deadline);
        o["document"] = new JsonObject { ["written"] = hasDocument, ["signed"] = Signed, ["officialLetterhead"] = OfficialLetterhead };
        return (o, lines);
    }

    /// <summary>The form field a reader error belongs to, and the message as the person filling the form should read it.</summary>
    public static (string Field, string Message) Map(FieldError error, IReadOnlyList<int> targetLines)
    {
        var path = error.Field;
        if (path.StartsWith("targets[", StringComparison.Ordinal))
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            var index = int.TryParse(path[8..close], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
            var line = index >= 0 && index < targetLines.Count ? targetLines[index] : index + 1;
            var part = path[(close + 1)..] switch
            {
                ".type" => "the type (the first word) must be one of: " + string.Join(", ", JsonNames.All<TargetType>()) + ".",
                ".id" => "give the identifier after the type.",
                _ => error.Message,
            };
            return ("Targets", $"Line {line}: {part}");
        }

        var root = path.Split('.', '[')[0];
        return root switch
        {
            "kind" => ("Kind", error.Message),
            "emergency" => ("Emergency", error.Message),
            "emergencyJustification" => ("EmergencyJustification", error.Message),
            "legalProcess" => ("LegalProcess", error.Message),
            "legalBasis" => ("LegalBasis", error.Message),
            "offence" => ("Offence", error.Message),
            "statementOfReasons" => ("StatementOfReasons", error.Message),
            "redress" => ("Redress", error.Message),
            "targets" => ("Targets", error.Message),
            "dataCategories" => ("DataCategories", error.Message),
            "dateRange" => (path == "dateRange.to" ? "DateTo" : "DateFrom", error.Message),
            "restriction" => (path.StartsWith("restriction.territories", StringComparison.Ordinal) ? "Territories" : "RestrictionAction", error.Message),
            "nonDisclosure" => (path switch { "nonDisclosure.until" => "NonDisclosureUntil", "nonDisclosure.basis" => "NonDisclosureBasis", _ => "NonDisclosure" }, error.Message),
            "deadline" => ("Deadline", error.Message),
            "document" => ("Signed", error.Message),
            "authority" when path == "authority.reference" => ("Reference", error.Message),
            "authority" => (General, $"Your verified profile was refused ({path}: {error.Message}); ask the platform to correct it."),
            _ => (General, error.Message),
        };
    }

    private static void Put(JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            o[name] = value.Trim();
        }
    }
}
