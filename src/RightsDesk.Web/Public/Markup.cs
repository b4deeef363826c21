using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace RightsDesk.Web.Public;

/// <summary>Small pieces of markup the page texts put into their placeholders.</summary>
public static class Markup
{
    /// <summary>Isolates a run of another direction (an address, a version, a code) inside the surrounding text.</summary>
    public static IHtmlContent Isolate(string text) => new HtmlString($"<bdi>{Encode(text)}</bdi>");

    /// <summary>Text kept in English (legal citations, sources, operator notes), marked so it is read and laid out as English.</summary>
    public static IHtmlContent English(string text) => new HtmlString($"<span lang=\"en\" dir=\"ltr\">{Encode(text)}</span>");

    public static IHtmlContent Mail(string address) =>
        new HtmlString($"<a href=\"mailto:{Encode(address)}\"><bdi>{Encode(address)}</bdi></a>");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string s) => Encoder.Encode(s);
}
