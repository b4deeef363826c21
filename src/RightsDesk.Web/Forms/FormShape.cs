namespace RightsDesk.Web.Forms;

/// <summary>
/// What a form's fields are, by JSON path: which hold a list (several checkboxes, or one comma- or line-separated
/// text) and which are booleans (a checkbox sends nothing when unticked). Everything else is a string, and an empty
/// one is left out, as an API client would leave it out.
/// </summary>
public sealed record FormShape(IReadOnlySet<string> Lists, IReadOnlySet<string> Booleans)
{
    public static FormShape Of(IEnumerable<string>? lists = null, IEnumerable<string>? booleans = null) =>
        new(new HashSet<string>(lists ?? [], StringComparer.Ordinal), new HashSet<string>(booleans ?? [], StringComparer.Ordinal));
}
