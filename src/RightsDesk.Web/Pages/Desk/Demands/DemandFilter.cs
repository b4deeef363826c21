using System.Globalization;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Demands;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// The list's filters, as the address carries them: nothing here names a person (a target's identifier or an
/// officer is searched by a posted form), so a filter can be bookmarked and saved.
/// </summary>
public sealed class DemandFilter
{
    public string? Reference { get; set; }
    public string? State { get; set; }
    public string? Kind { get; set; }
    public string? Country { get; set; }
    public string? Authority { get; set; }
    public DateOnly? DeadlineBy { get; set; }
    public bool Overdue { get; set; }
    public string? Assignee { get; set; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "Inside the query expression: EF translates ToLower() to SQL lower(); no .NET culture applies.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "As CA1304: translated to SQL.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862:Use the 'StringComparison' method overloads", Justification = "As CA1304: EF does not translate the StringComparison overloads on both engines.")]
    public IQueryable<DemandRecord> Apply(IQueryable<DemandRecord> q, DateOnly today, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrWhiteSpace(Reference))
        {
            if (DemandReferences.Parse(Reference) is { } r) { q = q.Where(d => d.Reference == r); } else { errors.Add("A reference looks like RD-2026-000123."); }
        }

        if (!string.IsNullOrEmpty(State))
        {
            if (JsonNames.TryParse<DemandState>(State, out var s)) { q = q.Where(d => d.State == s); } else { errors.Add("Choose a state from the list."); }
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            if (JsonNames.TryParse<DemandKind>(Kind, out var k)) { q = q.Where(d => d.Kind == k); } else { errors.Add("Choose a kind from the list."); }
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            if (CountryCode.TryParse(Country.Trim(), out var c)) { var code = c.Value; q = q.Where(d => d.AuthorityCountry == code); } else { errors.Add("Choose a country from the list."); }
        }

        if (!string.IsNullOrWhiteSpace(Authority))
        {
            // Case-insensitive on both engines: lower() on the column and on the text (SQLite's LIKE would be, but
            // PostgreSQL's is not).
            var a = Authority.Trim().ToLowerInvariant();
            if (a.Length <= 100) { q = q.Where(d => d.AuthorityName.ToLower().Contains(a)); } else { errors.Add("The authority filter is limited to 100 characters."); }
        }

        if (DeadlineBy is { } by) { q = q.Where(d => d.Deadline != null && d.Deadline <= by); }
        if (Overdue) { q = Application.Demands.DemandQueries.Open(q).Where(d => d.Deadline != null && d.Deadline < today); }
        if (!string.IsNullOrWhiteSpace(Assignee) && Assignee.Length <= 200)
        {
            var who = Assignee.Trim();
            q = who == "-" ? q.Where(d => d.AssignedTo == null) : q.Where(d => d.AssignedTo == who);
        }

        return q;
    }

    public string ToQuery() => string.Join("&", new[]
    {
        Q("reference", Reference), Q("state", State), Q("kind", Kind), Q("country", Country), Q("authority", Authority),
        Q("deadlineBy", DeadlineBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Overdue ? "overdue=true" : null, Q("assignee", Assignee),
    }.Where(p => p is not null));

    private static string? Q(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : name + "=" + Uri.EscapeDataString(value.Trim());
}
