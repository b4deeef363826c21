using RightsDesk.Core.Common;

namespace RightsDesk.Core.Partners;

/// <summary>What a trusted partner knows well enough for its flags to be read with priority (the DSA's "area of
/// expertise", Art. 22(2)(a), in the words of the defenders' helplines).</summary>
public enum ExpertiseArea
{
    HumanRightsDefenders, Journalists, DigitalSecurity, Elections, GenderBasedViolence, LgbtiRights, ChildSafety, HateSpeech, Disinformation, Other,
}

/// <summary>The application form as posted: every field as text, countries one a line or separated by commas.</summary>
public sealed record PartnerApplicationForm(
    string? Organisation, IReadOnlyList<string> Expertise, string? Countries, string? ContactName, string? ContactEmail, string? Website, string? About, string Language);

/// <summary>An application, validated. The contact (name, e-mail) and the organisation's own words are sealed.</summary>
public sealed record PartnerApplication(
    string Organisation, IReadOnlyList<ExpertiseArea> Expertise, IReadOnlyList<string> Countries, string ContactName, string ContactEmail,
    string? Website, string About, string Language);

/// <summary>
/// Reads the partner application form and reports every bad field at once, with messages that are keys of the public
/// texts (policy/public/*.json), so the page shows each in the applicant's language.
/// </summary>
public static class PartnerApplicationReader
{
    public const int MaxName = 200;
    public const int MaxAbout = 4000;
    public const int MaxCountries = 60;

    public static PartnerApplication Read(PartnerApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var organisation = Required(form.Organisation, "organisation", MaxName, errors);
        var expertise = new List<ExpertiseArea>();
        foreach (var e in form.Expertise)
        {
            if (JsonNames.TryParse<ExpertiseArea>(e, out var area))
            {
                expertise.Add(area);
            }
            else
            {
                errors.Add(new FieldError("expertise", "partners.error.expertise"));
            }
        }

        if (expertise.Count == 0)
        {
            errors.Add(new FieldError("expertise", "partners.error.expertise"));
        }

        var countries = new List<string>();
        foreach (var c in (form.Countries ?? "").Split(['\n', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (CountryCode.TryParse(c, out var code))
            {
                countries.Add(code.Value);
            }
            else
            {
                errors.Add(new FieldError("countries", "partners.error.countries"));
                break;
            }
        }

        if (countries.Count is 0 or > MaxCountries)
        {
            errors.Add(new FieldError("countries", "partners.error.countries"));
        }

        var name = Required(form.ContactName, "contactName", MaxName, errors);
        var email = Clean(form.ContactEmail);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length > MaxName || at <= 0 || at != email.LastIndexOf('@') || !email[(at + 1)..].Contains('.', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
        {
            errors.Add(new FieldError("contactEmail", "partners.error.contactEmail"));
        }

        var website = Clean(form.Website);
        if (website.Length > 0 && (website.Length > MaxName || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(new FieldError("website", "partners.error.website"));
        }

        var about = Clean(form.About, keepLines: true);
        if (about.Length is < 20 or > MaxAbout)
        {
            errors.Add(new FieldError("about", "partners.error.about"));
        }

        return errors.Count > 0
            ? throw new ValidationFailedException(errors.DistinctBy(e => e.Field + e.Message).ToList())
            : new PartnerApplication(organisation, expertise.Distinct().ToList(), countries.Distinct(StringComparer.Ordinal).ToList(), name, email,
                website.Length == 0 ? null : website, about, form.Language);
    }

    private static string Required(string? value, string field, int max, List<FieldError> errors)
    {
        var s = Clean(value);
        if (s.Length == 0 || s.Length > max)
        {
            errors.Add(new FieldError(field, "partners.error." + field));
        }

        return s;
    }

    /// <summary>Trimmed, NFC, without control characters (a line break stays where <paramref name="keepLines"/>).</summary>
    private static string Clean(string? text, bool keepLines = false)
    {
        var t = (text ?? "").Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new string(t.Where(ch => !char.IsControl(ch) || (keepLines && ch == '\n')).ToArray()).Trim();
    }
}
