using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RightsDesk.Web.Forms;

/// <summary>
/// <c>&lt;input error-form="f" error-for="authority.name"&gt;</c>: ties a field to its message with
/// <c>aria-describedby</c> and <c>aria-invalid</c>, only when there is a message (a reference to a missing element is
/// itself an accessibility error). An attribute written by hand after another attribute (<c>required@...</c>) is
/// taken by Razor for an e-mail address and printed as text; a tag helper cannot be.
/// </summary>
[HtmlTargetElement("input", Attributes = For, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = For)]
[HtmlTargetElement("textarea", Attributes = For)]
public sealed class FieldDescribedTagHelper : TagHelper
{
    private const string For = "error-for";

    [HtmlAttributeName("error-form")]
    public PostedForm? ErrorForm { get; set; }

    [HtmlAttributeName(For)]
    public string ErrorFor { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ErrorForm is null || ErrorForm.For(ErrorFor).Count == 0)
        {
            return;
        }

        var id = PostedForm.ErrorId(ErrorFor);
        var existing = output.Attributes.TryGetAttribute("aria-describedby", out var a) ? a.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? id : existing + " " + id);
        output.Attributes.SetAttribute("aria-invalid", "true");
    }
}
