using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using RightsDesk.Core;

namespace RightsDesk.Web.Portal;

/// <summary>
/// Refusals by form field, for pages that show each message next to its field and a summary at the top linking to
/// them. A field's input has id "f-{field}" and its message id "err-{field}", which the input names in aria-describedby.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _all = [];

    public bool Any => _all.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _all;

    public void Add(string field, string message) => _all.Add((field, message));

    public void Add(ValidationFailedException e, Func<FieldError, (string Field, string Message)>? map = null)
    {
        foreach (var error in e.Errors)
        {
            var (field, message) = map is null ? (error.Field, error.Message) : map(error);
            Add(field, message);
        }
    }

    public IReadOnlyList<string> For(string field) => _all.Where(e => e.Field == field).Select(e => e.Message).ToList();

    /// <summary>The message(s) for a field, or nothing.</summary>
    public IHtmlContent Show(string field)
    {
        var messages = For(field);
        return messages.Count == 0
            ? HtmlString.Empty
            : new HtmlString($"<span class=\"field-error\" id=\"err-{field}\">{HtmlEncoder.Default.Encode(string.Join(" ", messages))}</span>");
    }

    /// <summary>The attributes that tie an input to its message, only when there is one (a dangling reference is itself an error).</summary>
    public IHtmlContent Describe(string field) =>
        For(field).Count == 0 ? HtmlString.Empty : new HtmlString($" aria-describedby=\"err-{field}\" aria-invalid=\"true\"");
}
