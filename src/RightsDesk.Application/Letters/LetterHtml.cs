using System.Net;
using Markdig;

namespace RightsDesk.Application.Letters;

/// <summary>
/// The letter as HTML: the one rendering the desk previews and Chromium prints, so the PDF is what staff read.
/// Raw HTML in the Markdown is shown as text, never passed through: the authority's own words reach the letter
/// (Markdown-escaped by the composer) and a draft is edited by hand.
/// </summary>
public static class LetterHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The body as an HTML fragment for the desk page.</summary>
    public static string Fragment(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>
    /// A standalone document for printing. Its policy forbids every fetch and every script, so nothing in a letter
    /// can make the printing browser reach another host or run code.
    /// </summary>
    public static string Document(string subject, string markdown, string language)
    {
        var lang = WebUtility.HtmlEncode(language);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>{{WebUtility.HtmlEncode(subject)}}</title>
            <style>
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 11pt; line-height: 1.45; color: #000; }
            h1 { font-size: 14pt; margin: 0 0 1.2em; }
            h2, h3 { font-size: 12pt; }
            blockquote { margin: 0.8em 0; padding-left: 1em; border-left: 3px solid #888; }
            table { border-collapse: collapse; } td, th { border: 1px solid #888; padding: 0.2em 0.5em; }
            </style>
            </head>
            <body>
            <h1>{{WebUtility.HtmlEncode(subject)}}</h1>
            {{Fragment(markdown)}}
            </body>
            </html>
            """;
    }
}
