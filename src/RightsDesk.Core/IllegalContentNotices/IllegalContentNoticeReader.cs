using System.Text.Json;
using RightsDesk.Core.Common;

namespace RightsDesk.Core.IllegalContentNotices;

/// <summary>The public form as posted: the content as one text, a line per item.</summary>
public sealed record NoticeForm(string? Content, string? Explanation, string? Law, string? Name, string? Email, bool GoodFaith, string Language);

/// <summary>
/// Reads a notice from the API (on <see cref="JsonInput"/>, every refusal by JSON path, such as <c>content[3]</c>) or
/// from the public form (every refusal by field, as a key of the public texts, so the page says it in the
/// notifier's language). Both apply the same rules, in <see cref="Check"/>.
/// </summary>
public static class IllegalContentNoticeReader
{
    public const int MaxItems = 50;
    public const int MaxItem = 2000;
    public const int MaxExplanation = 5000;
    public const int MinExplanation = 10;
    public const int MaxLaw = 500;
    public const int MaxName = 200;
    public const int MaxEmail = 254;
    public const int MaxBodyBytes = 256 * 1024;

    public static readonly IReadOnlyList<string> Languages = ["en", "ar", "es", "fa", "fr", "ru", "tr", "zh-Hans"];

    private static readonly string[] Known = ["content", "explanation", "law", "notifierName", "notifierEmail", "goodFaith", "language"];

    public static IllegalContentNotice Read(JsonElement o)
    {
        var input = new JsonInput();
        if (o.ValueKind != JsonValueKind.Object)
        {
            input.Error("$", "Expected an object.");
            input.ThrowIfAny();
        }

        input.RejectUnknown(o, "", Known);
        var items = new List<string?>();
        if (input.OptionalArray(o, "content", "an array of URLs or content ids", out var content))
        {
            foreach (var item in content.EnumerateArray())
            {
                // A value that is not a string keeps its place, so the refusal names its index.
                items.Add(item.ValueKind == JsonValueKind.String ? item.GetString() : "");
            }
        }

        var explanation = input.OptionalString(o, "explanation", MaxExplanation * 2);
        var law = input.OptionalString(o, "law", MaxLaw * 2);
        var name = input.OptionalString(o, "notifierName", MaxName * 2);
        var email = input.OptionalString(o, "notifierEmail", MaxEmail * 2);
        var goodFaith = input.OptionalBool(o, "goodFaith");
        var language = input.OptionalString(o, "language", 16) ?? "en";
        var contentRefused = input.HasErrorAt("content");
        var notice = Check(items.OfType<string>().ToList(), explanation, law, name, email, goodFaith == true, language, (field, code) =>
        {
            if (!(contentRefused && field == "content") && !input.HasErrorAt(field))
            {
                input.Error(field, ApiMessage(code));
            }
        });
        input.ThrowIfAny();
        return notice;
    }

    public static IllegalContentNotice Read(NoticeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var lines = (form.Content ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var notice = Check(lines, Blank(form.Explanation), Blank(form.Law), Blank(form.Name), Blank(form.Email), form.GoodFaith, form.Language,
            (field, code) => errors.Add(new FieldError(Bare(field), "notice.error." + code.Split('.')[0])));
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.Distinct().ToList());
        }

        return notice;
    }

    /// <summary>The rules, once: at least one and at most 50 items, each a web address or an id without spaces; an
    /// explanation of substance; the law, name and address within bounds; the good-faith statement given.</summary>
    private static IllegalContentNotice Check(
        List<string> items, string? explanation, string? law, string? name, string? email, bool goodFaith, string language,
        Action<string, string> error)
    {
        var cleaned = new List<string>();
        if (items.Count == 0)
        {
            error("content", "content.required");
        }
        else if (items.Count > MaxItems)
        {
            error("content", "content.tooMany");
        }

        for (var i = 0; i < items.Count && i < MaxItems; i++)
        {
            var item = items[i].Trim().Normalize(System.Text.NormalizationForm.FormC);
            if (!IsItem(item))
            {
                error($"content[{i}]", "content.item");
            }
            else if (!cleaned.Contains(item, StringComparer.Ordinal))
            {
                cleaned.Add(item);
            }
        }

        var text = (explanation ?? "").Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length < MinExplanation || text.Length > MaxExplanation)
        {
            error("explanation", "explanation");
        }

        if (law is { Length: > MaxLaw })
        {
            error("law", "law");
        }

        if (name is { Length: > MaxName })
        {
            error("notifierName", "name");
        }

        if (email is not null && (email.Length > MaxEmail || !LooksLikeEmail(email)))
        {
            error("notifierEmail", "email");
        }

        if (!goodFaith)
        {
            error("goodFaith", "goodFaith");
        }

        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            error("language", "language");
        }

        return new IllegalContentNotice(cleaned, text, law, name, email, goodFaith, language);
    }

    private static bool IsItem(string item)
    {
        if (item.Length is 0 or > MaxItem || item.Any(char.IsControl))
        {
            return false;
        }

        if (Uri.TryCreate(item, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            return !string.IsNullOrEmpty(uri.Host);
        }

        // A content id from the platform's own vocabulary: no spaces, no scheme a browser would follow.
        return item.Length <= 300 && !item.Any(char.IsWhiteSpace) && (!item.Contains(':', StringComparison.Ordinal) || item.StartsWith('@'));
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 3 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace) && !email.EndsWith('.');
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Bare(string field) => field.StartsWith("content[", StringComparison.Ordinal) ? "content" : field switch
    {
        "notifierName" => "name",
        "notifierEmail" => "email",
        _ => field,
    };

    private static string ApiMessage(string code) => code switch
    {
        "content.required" => "Name at least one item: a URL or the platform's content id.",
        "content.tooMany" => $"At most {MaxItems} items per notice.",
        "content.item" => $"Expected an http(s) URL or a content id without spaces, of at most {MaxItem} characters.",
        "explanation" => $"Explain why the content is illegal, in {MinExplanation} to {MaxExplanation} characters (DSA Art. 16(2)(a)).",
        "law" => $"At most {MaxLaw} characters.",
        "name" => $"At most {MaxName} characters.",
        "email" => "Expected an e-mail address.",
        "goodFaith" => "Required: true, the notifier's statement that the notice is accurate and complete in good faith (DSA Art. 16(2)(d)).",
        "language" => "Expected one of: " + string.Join(", ", Languages) + ".",
        _ => code,
    };
}
