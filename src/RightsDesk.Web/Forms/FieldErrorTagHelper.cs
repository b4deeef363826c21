using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RightsDesk.Web.Forms;

/// <summary>
/// <c>&lt;field-error form="@Model.Form" for="authority.name" /&gt;</c>: the message(s) for one field, beside it, the
/// same on every page. Its id is what the field's <c>aria-describedby</c> names (<see cref="PostedForm.ErrorId"/>);
/// with no message nothing is rendered, since a reference to a missing element is itself an accessibility error.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public PostedForm? Form { get; set; }

    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = Form?.For(For) ?? [];
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", PostedForm.ErrorId(For));
        output.Content.SetContent(string.Join(" ", messages));
    }
}
