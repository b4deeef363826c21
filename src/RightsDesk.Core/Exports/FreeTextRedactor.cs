using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace RightsDesk.Core.Exports;

/// <summary>What a redaction took out: the export counts each kind, and Lumen notices explain each one.</summary>
public enum RedactionKind { Email, Phone }

/// <summary>Text as it may be published, and how many of each kind were taken out of it.</summary>
public sealed record RedactedText(string Text, int Emails, int Phones)
{
    public bool Changed => Emails + Phones > 0;
}

/// <summary>
/// Takes e-mail addresses and phone numbers out of free text before it leaves the desk. Phones are found by
/// libphonenumber (<see cref="PhoneNumberUtil.FindNumbers(string, string, PhoneNumberUtil.Leniency, long)"/> at
/// <see cref="PhoneNumberUtil.Leniency.VALID"/>), not by a pattern of digits: a pattern that catches every phone also takes dates,
/// case numbers and statute references, which are what a reader of the statement needs. International numbers are
/// found everywhere; national ones under the regions given (the countries the measure applies in).
/// </summary>
public static partial class FreeTextRedactor
{
    public const string EmailMark = "[redacted: email]";
    public const string PhoneMark = "[redacted: phone]";

    /// <summary>With "ZZ" the library reads only numbers written with their country code.</summary>
    private const string International = "ZZ";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static RedactedText Redact(string text, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(regions);
        var emails = 0;
        var withoutEmails = EmailPattern().Replace(text, _ =>
        {
            emails++;
            return EmailMark;
        });

        var phones = 0;
        var current = withoutEmails;
        foreach (var region in new[] { International }.Concat(regions).Distinct(StringComparer.Ordinal))
        {
            var (next, found) = RedactPhones(current, region);
            current = next;
            phones += found;
        }

        return new RedactedText(current, emails, phones);
    }

    /// <summary>
    /// Where the e-mail addresses and phone numbers are in <paramref name="text"/>, found by the same rules as
    /// <see cref="Redact"/>, without replacing them: the published originals decide per tier and per rule which to take
    /// out, and keep an official's address where the researcher tier's rules say so. Spans may overlap (a run of
    /// digits inside an address); the caller keeps the first it accepts.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length, RedactionKind Kind)> Find(string text, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(regions);
        var spans = EmailPattern().Matches(text).Select(m => (m.Index, m.Length, RedactionKind.Email)).ToList();
        if (text.Any(char.IsAsciiDigit))
        {
            foreach (var region in new[] { International }.Concat(regions).Distinct(StringComparer.Ordinal))
            {
                spans.AddRange(Phones.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue).Select(m => (m.Start, m.Length, RedactionKind.Phone)));
            }
        }

        return spans;
    }

    private static (string Text, int Found) RedactPhones(string text, string region)
    {
        // Every digit run is a candidate; text without digits has no phone to find.
        if (!text.Any(char.IsAsciiDigit))
        {
            return (text, 0);
        }

        var matches = Phones.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue).ToList();
        if (matches.Count == 0)
        {
            return (text, 0);
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches.OrderBy(m => m.Start))
        {
            builder.Append(text, at, m.Start - at).Append(PhoneMark);
            at = m.Start + m.Length;
        }

        builder.Append(text, at, text.Length - at);
        return (builder.ToString(), matches.Count);
    }

    /// <summary>The address shapes people write (local part, @, a dotted domain), not the whole of RFC 5322:
    /// the cost of a miss is a published address, so the pattern leans wide.</summary>
    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
