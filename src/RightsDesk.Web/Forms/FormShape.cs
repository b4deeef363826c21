namespace RightsDesk.Web.Forms;

/// <summary>
/// What a form's fields are, by JSON path: which hold a list (several checkboxes, or one text separated by commas,
/// semicolons, spaces or lines), which are booleans (a checkbox sends nothing when unticked, so an unticked one is
/// false, as an API client would state it), which are datetime-local inputs (no offset: the form says UTC), and which
/// lists are rows of fields (<see cref="Rows"/>: list path → the field that makes a row present, so the empty rows a
/// form offers at its end are not items). Everything else is a string, and an empty one is left out, as an API
/// client would leave it out.
/// </summary>
public sealed record FormShape(
    IReadOnlySet<string> Lists,
    IReadOnlySet<string> Booleans,
    IReadOnlySet<string> UtcTimes,
    IReadOnlyDictionary<string, string> Rows)
{
    public static FormShape Of(
        IEnumerable<string>? lists = null,
        IEnumerable<string>? booleans = null,
        IEnumerable<string>? utcTimes = null,
        IReadOnlyDictionary<string, string>? rows = null) =>
        new(Set(lists), Set(booleans), Set(utcTimes), rows ?? new Dictionary<string, string>(StringComparer.Ordinal));

    private static HashSet<string> Set(IEnumerable<string>? names) => new(names ?? [], StringComparer.Ordinal);
}
