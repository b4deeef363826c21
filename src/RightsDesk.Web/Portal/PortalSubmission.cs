using System.Globalization;
using System.Text.Json.Nodes;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Portal;

namespace RightsDesk.Web.Portal;

/// <summary>
/// What the portal adds to its posted form (<see cref="Forms.PostedForm"/>) before the demand goes to
/// <see cref="DemandReader"/> like any other: the channel, the time, and the authority from the verified profile,
/// whatever the form says; and the targets, which officials type one per line ("account @name", "url https://…").
/// </summary>
public static class PortalSubmission
{
    /// <summary>The key for errors that belong to no single field: shown at the top of the form.</summary>
    public const string General = "";

    /// <summary>The demand as the API would receive it, plus which form line each target came from.</summary>
    public static (JsonObject Json, IReadOnlyList<int> TargetLines) Complete(
        JsonObject form, OfficialProfile profile, OfficialContact contact, string email, DateTimeOffset now, bool hasDocument)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(contact);
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
        if (form["authority"]?["reference"] is { } reference)
        {
            authority["reference"] = reference.DeepClone();
        }

        form["authority"] = authority;
        form["channel"] = JsonNames.Of(Channel.Portal);
        form["receivedAt"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (form["emergency"]?.GetValue<bool>() is not true)
        {
            form.Remove("emergencyJustification");
        }

        if (form["restriction"]?["territories"] is JsonArray territories)
        {
            form["restriction"]!["territories"] = new JsonArray([.. territories.Select(t => (JsonNode?)t!.GetValue<string>().ToUpperInvariant())]);
        }

        form["document"] ??= new JsonObject();
        form["document"]!["written"] = hasDocument;
        var (targets, lines) = Targets(form["targets"]?.GetValue<string>());
        form["targets"] = targets;
        return (form, lines);
    }

    /// <summary>Where a reader error goes on the form: target errors on the line they came from, the profile's at the top.</summary>
    public static FieldError Place(FieldError error, IReadOnlyList<int> targetLines)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(targetLines);
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
            return new FieldError("targets", $"Line {line}: {part}");
        }

        return path.StartsWith("authority", StringComparison.Ordinal) && path != "authority.reference"
            ? new FieldError(General, $"Your verified profile was refused ({path}: {error.Message}); ask the platform to correct it.")
            : error;
    }

    private static (JsonArray Targets, List<int> Lines) Targets(string? text)
    {
        var lines = new List<int>();
        var targets = new JsonArray();
        var lineNumber = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var target = new JsonObject { ["type"] = (space < 0 ? line : line[..space]).TrimEnd(':').ToLowerInvariant() };
            if (space >= 0 && line[(space + 1)..].Trim() is { Length: > 0 } id)
            {
                target["id"] = id;
            }

            targets.Add(target);
            lines.Add(lineNumber);
        }

        return (targets, lines);
    }
}
