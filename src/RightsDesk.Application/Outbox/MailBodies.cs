using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RightsDesk.Application.Outbox;

/// <summary>An e-mail's two bodies: plain text a person reads as it stands, and the same as a small HTML page.</summary>
public sealed record MailBodies(string Text, string Html)
{
    // Raw HTML off: a notice or letter quotes the authority's own words, and a draft is edited by hand, so anything
    // that looks like a tag is shown as text. Bare addresses become links, as a reader of a portal mail expects.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>
    /// Every body the outbox mails is written in Markdown (notice and letter templates; portal mail and reminders are
    /// plain sentences, which read the same). Mail clients show Markdown's markers as they are, so both parts are
    /// rendered from it here, at the one place mail leaves.
    /// </summary>
    public static MailBodies FromMarkdown(string subject, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        return new MailBodies(PlainText.Of(document), HtmlDocument(subject, document));
    }

    private static string HtmlDocument(string subject, MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.Render(document);
        writer.Flush();
        // Inline styles only: many mail clients drop <style> blocks. dir="auto" lets an Arabic or Persian notice run
        // right to left without the transport knowing its language.
        return $"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(subject)}</title>
            </head>
            <body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
            <div dir="auto" style="max-width:40em">
            {writer}
            </div>
            </body>
            </html>
            """;
    }

    /// <summary>Only links a reader can follow safely: no script, data or file addresses.</summary>
    internal static bool Followable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>
    /// An image would be fetched from its host when the mail is opened (a read receipt for whoever wrote it), so it
    /// is shown as its description and address; a link that is not followable is shown as its text.
    /// </summary>
    private sealed class SafeLinkRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (!link.IsImage && Followable(link.Url))
            {
                base.Write(renderer, link);
                return;
            }

            renderer.WriteChildren(link);
            if (link.IsImage && !string.IsNullOrEmpty(link.Url))
            {
                renderer.Write(" (").WriteEscape(link.Url).Write(')');
            }
        }
    }

    private sealed class SafeAutolinkRenderer : AutolinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (link.IsEmail || Followable(link.Url))
            {
                base.Write(renderer, link);
                return;
            }

            renderer.WriteEscape(link.Url);
        }
    }
}

/// <summary>Markdown said as plain text: headings as lines, emphasis without markers, lists with dashes, links as
/// "text (address)".</summary>
internal static class PlainText
{
    public static string Of(MarkdownDocument document) => Blocks(document, loose: true).TrimEnd() + "\n";

    private static string Blocks(ContainerBlock container, bool loose) =>
        string.Join(loose ? "\n\n" : "\n", container.Select(Block).Where(s => s.Length > 0));

    private static string Block(Block block) => block switch
    {
        HeadingBlock h => Inlines(h.Inline),
        ParagraphBlock p => Inlines(p.Inline),
        ListBlock l => List(l),
        QuoteBlock q => Indent(Blocks(q, loose: true), "    ", "    "),
        CodeBlock c => Indent(c.Lines.ToString(), "    ", "    "),
        ThematicBreakBlock => "",
        ContainerBlock c => Blocks(c, loose: true),
        LeafBlock leaf => leaf.Lines.ToString(),
        _ => "",
    };

    private static string List(ListBlock list)
    {
        var number = int.TryParse(list.OrderedStart, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
        var items = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? FormattableString.Invariant($"{number++}. ") : "- ";
            items.Add(Indent(Blocks(item, list.IsLoose), marker, new string(' ', marker.Length)));
        }

        return string.Join(list.IsLoose ? "\n\n" : "\n", items);
    }

    private static string Indent(string text, string first, string rest)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Select((line, i) => line.Length == 0 ? "" : (i == 0 ? first : rest) + line));
    }

    private static string Inlines(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var inline in container)
        {
            Inline(inline, sb);
        }

        return sb.ToString();
    }

    private static void Inline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LinkInline link:
                sb.Append(Link(Inlines(link), link.Url));
                break;
            case AutolinkInline auto:
                sb.Append(auto.Url);
                break;
            case LineBreakInline:
                sb.Append('\n');
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                sb.Append(html.Tag);
                break;
            case ContainerInline children:
                sb.Append(Inlines(children));
                break;
        }
    }

    private static string Link(string text, string? url)
    {
        if (string.IsNullOrEmpty(url) || url == text || url == "mailto:" + text)
        {
            return text.Length > 0 ? text : url ?? "";
        }

        return text.Length == 0 ? url : $"{text} ({url})";
    }
}
