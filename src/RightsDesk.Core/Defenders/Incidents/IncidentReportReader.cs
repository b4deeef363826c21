using RightsDesk.Core.Common;

namespace RightsDesk.Core.Defenders.Incidents;

/// <summary>The incident form as posted: every field as text, lists as one text a line per item.</summary>
public sealed record IncidentForm(
    IReadOnlyList<string> Types, string? Description, string? Accounts, string? Content, string? Urgency, bool PhysicalDanger,
    string? Contact, string? ContactAddress, bool RegistryRequest, string? Country, string Language)
{
    /// <summary>The reporter's own accounts, one a line, for the registry entry they ask for.</summary>
    public string? RegistryAccounts { get; init; }
}

/// <summary>
/// Reads the incident form and reports every bad field at once. The messages are keys of the public texts
/// (policy/public/*.json), so the page shows each in the reporter's language.
/// </summary>
public static class IncidentReportReader
{
    public const int MaxDescription = 8000;
    public const int MaxItems = 20;
    public const int MaxItem = 300;
    public const int MaxAddress = 200;

    public static IncidentReport Read(IncidentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var types = new List<IncidentType>();
        foreach (var t in form.Types)
        {
            if (JsonNames.TryParse<IncidentType>(t, out var type))
            {
                types.Add(type);
            }
            else
            {
                errors.Add(new FieldError("types", "incident.error.types"));
            }
        }

        if (types.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("types", "incident.error.types"));
        }

        var description = Clean(form.Description, keepLines: true);
        if (description.Length == 0 || description.Length > MaxDescription)
        {
            errors.Add(new FieldError("description", "incident.error.description"));
        }

        var accounts = Lines(form.Accounts, "accounts", errors);
        var content = Lines(form.Content, "content", errors);
        var urgency = JsonNames.TryParse<IncidentUrgency>(form.Urgency ?? "", out var u) ? u : Invalid(errors, "urgency", IncidentUrgency.NotUrgent);
        var contact = JsonNames.TryParse<ContactChannel>(form.Contact ?? "", out var c) ? c : Invalid(errors, "contact", ContactChannel.None);
        var address = Clean(form.ContactAddress, keepLines: false);
        if (contact != ContactChannel.None && (address.Length == 0 || address.Length > MaxAddress))
        {
            errors.Add(new FieldError("contactAddress", "incident.error.contactAddress"));
        }

        var registryAccounts = form.RegistryRequest ? Lines(form.RegistryAccounts, "registryAccounts", errors) : [];
        if (form.RegistryRequest && registryAccounts.Count == 0)
        {
            errors.Add(new FieldError("registryAccounts", "incident.error.registryAccounts"));
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(form.Country))
        {
            if (CountryCode.TryParse(form.Country.Trim(), out var code))
            {
                country = code.Value;
            }
            else
            {
                errors.Add(new FieldError("country", "incident.error.country"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return new IncidentReport(types.Distinct().ToList(), description, accounts, content, urgency, form.PhysicalDanger, contact,
            contact == ContactChannel.None ? null : address, form.RegistryRequest, country, form.Language) { RegistryAccounts = registryAccounts };
    }

    /// <summary>Trimmed, NFC, without control characters (a line break stays in the description).</summary>
    private static string Clean(string? text, bool keepLines)
    {
        var t = (text ?? "").Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new string(t.Where(ch => !char.IsControl(ch) || (keepLines && ch == '\n')).ToArray()).Trim();
    }

    private static T Invalid<T>(List<FieldError> errors, string field, T fallback)
    {
        errors.Add(new FieldError(field, "incident.error." + field));
        return fallback;
    }

    private static List<string> Lines(string? text, string field, List<FieldError> errors)
    {
        var items = (text ?? "").Split('\n').Select(l => Clean(l, keepLines: false)).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count > MaxItems || items.Any(i => i.Length > MaxItem))
        {
            errors.Add(new FieldError(field, "incident.error.list"));
        }

        return items;
    }
}
