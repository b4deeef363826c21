using System.Text;

namespace RightsDesk.Core.Letters;

/// <summary>A template that cannot be found, parsed or filled; the message names the template path.</summary>
public sealed class TemplateException(string template, string message) : Exception($"policy/templates/{template}: {message}")
{
    public string Template { get; } = template;
}

/// <summary>
/// The letter template language, deliberately small so that an operator editing policy/templates cannot run code,
/// loop without end or reach anything but the values given:
/// <c>{{name}}</c>, <c>{{#if name}}…{{else}}…{{/if}}</c>, <c>{{#each list}}…{{.}}… or {{item.field}}…{{/each}}</c>.
/// Values are inserted verbatim and never re-read as template text. Every name in the template is checked against
/// the values before rendering, in branches not taken as well, so a typo fails on every model, not only on the one
/// that happens to reach it.
/// </summary>
/// <remarks>
/// Values may be <c>null</c>, <see cref="string"/>, <see cref="bool"/>, a list of strings, or a list of records
/// (<see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to string). A block tag alone on its line takes the
/// line with it, so conditional paragraphs leave no stray blank lines.
/// </remarks>
public static class Template
{
    private const int MaxDepth = 8;

    public static string Render(string path, string text, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var nodes = new Parser(path, text.Replace("\r\n", "\n", StringComparison.Ordinal)).Parse();
        Validate(path, nodes, values, eachDepth: 0);
        var sb = new StringBuilder(text.Length * 2);
        Write(path, nodes, values, [], sb);
        return sb.ToString();
    }

    private abstract record Node(int Line);

    private sealed record TextNode(string Text) : Node(0);

    private sealed record ValueNode(string Name, int Line) : Node(Line);

    private sealed record IfNode(string Name, int Line, List<Node> Then, List<Node> Else) : Node(Line);

    private sealed record EachNode(string Name, int Line, List<Node> Body) : Node(Line);

    private static void Validate(string path, List<Node> nodes, IReadOnlyDictionary<string, object?> values, int eachDepth)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ValueNode v:
                    CheckName(path, v.Name, v.Line, values, eachDepth);
                    break;
                case IfNode i:
                    CheckName(path, i.Name, i.Line, values, eachDepth);
                    Validate(path, i.Then, values, eachDepth);
                    Validate(path, i.Else, values, eachDepth);
                    break;
                case EachNode e:
                    CheckName(path, e.Name, e.Line, values, eachDepth);
                    Validate(path, e.Body, values, eachDepth + 1);
                    break;
            }
        }
    }

    private static void CheckName(string path, string name, int line, IReadOnlyDictionary<string, object?> values, int eachDepth)
    {
        if (name == "." || name.StartsWith("item.", StringComparison.Ordinal))
        {
            if (eachDepth == 0)
            {
                throw new TemplateException(path, $"line {line}: '{{{{{name}}}}}' is only meaningful inside {{{{#each}}}}.");
            }

            return; // item fields are checked against the item itself when rendered
        }

        if (!values.ContainsKey(name))
        {
            throw new TemplateException(path, $"line {line}: unknown placeholder '{name}'. Known: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}.");
        }
    }

    private static object? Lookup(string path, string name, int line, IReadOnlyDictionary<string, object?> values, List<object?> items)
    {
        if (name == ".")
        {
            return items[^1];
        }

        if (name.StartsWith("item.", StringComparison.Ordinal))
        {
            var field = name["item.".Length..];
            return items[^1] is IReadOnlyDictionary<string, string?> record
                ? record.TryGetValue(field, out var value)
                    ? value
                    : throw new TemplateException(path, $"line {line}: unknown placeholder '{name}'; the items have: {string.Join(", ", record.Keys.Order(StringComparer.Ordinal))}.")
                : throw new TemplateException(path, $"line {line}: unknown placeholder '{name}'; the items of this list are plain text, use {{{{.}}}}.");
        }

        return values[name];
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => !string.IsNullOrWhiteSpace(s),
        IReadOnlyCollection<object?> c => c.Count > 0,
        _ => true,
    };

    private static void Write(string path, List<Node> nodes, IReadOnlyDictionary<string, object?> values, List<object?> items, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    sb.Append(t.Text);
                    break;
                case ValueNode v:
                    switch (Lookup(path, v.Name, v.Line, values, items))
                    {
                        case null:
                            break;
                        case string s:
                            sb.Append(s);
                            break;
                        default:
                            throw new TemplateException(path, $"line {v.Line}: '{v.Name}' is not text (a condition or a list); use {{{{#if}}}} or {{{{#each}}}}.");
                    }

                    break;
                case IfNode i:
                    Write(path, IsTrue(Lookup(path, i.Name, i.Line, values, items)) ? i.Then : i.Else, values, items, sb);
                    break;
                case EachNode e:
                    var list = Lookup(path, e.Name, e.Line, values, items);
                    IReadOnlyList<object?> elements = list switch
                    {
                        null => [],
                        IReadOnlyList<object?> l => l,
                        _ => throw new TemplateException(path, $"line {e.Line}: '{e.Name}' is not a list."),
                    };
                    foreach (var element in elements)
                    {
                        items.Add(element);
                        Write(path, e.Body, values, items, sb);
                        items.RemoveAt(items.Count - 1);
                    }

                    break;
            }
        }
    }

    private sealed class Parser(string path, string text)
    {
        private int _pos;
        private int _line = 1;

        public List<Node> Parse()
        {
            var root = new List<Node>();
            var open = ParseUntil(root, closer: null, depth: 0);
            return open is null ? root : throw new TemplateException(path, $"unexpected '{{{{{open}}}}}'.");
        }

        /// <summary>Reads nodes until a closing or else tag; returns that tag ("/if", "/each", "else") or null at the end.</summary>
        private string? ParseUntil(List<Node> into, string? closer, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new TemplateException(path, $"line {_line}: blocks are nested more than {MaxDepth} deep.");
            }

            var pending = new StringBuilder();
            while (_pos < text.Length)
            {
                var start = text.IndexOf("{{", _pos, StringComparison.Ordinal);
                if (start < 0)
                {
                    Advance(pending, text.Length);
                    break;
                }

                Advance(pending, start);
                var end = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new TemplateException(path, $"line {_line}: '{{{{' is never closed with '}}}}'.");
                }

                var tag = text[(start + 2)..end].Trim();
                var line = _line;
                var isBlock = tag.StartsWith('#') || tag.StartsWith('/') || tag == "else";
                _line += text.AsSpan(start, end - start).Count('\n');
                _pos = end + 2;
                if (isBlock)
                {
                    TakeStandaloneLine(pending, start);
                }

                Flush(into, pending);
                if (!isBlock)
                {
                    into.Add(new ValueNode(CheckedName(tag, line), line));
                    continue;
                }

                if (tag is "/if" or "/each" or "else")
                {
                    if (closer is null || (tag == "else" && closer != "/if") || (tag != "else" && tag != closer))
                    {
                        throw new TemplateException(path, $"line {line}: '{{{{{tag}}}}}' does not close anything open here.");
                    }

                    return tag;
                }

                var space = tag.IndexOf(' ', StringComparison.Ordinal);
                var keyword = space < 0 ? tag : tag[..space];
                if (keyword is not ("#if" or "#each"))
                {
                    throw new TemplateException(path, $"line {line}: unknown block '{{{{{tag}}}}}'; the blocks are #if, else and #each.");
                }

                var name = CheckedName(space < 0 ? "" : tag[(space + 1)..].Trim(), line);
                switch (keyword)
                {
                    case "#if":
                        var then = new List<Node>();
                        var otherwise = new List<Node>();
                        var found = ParseUntil(then, "/if", depth + 1);
                        if (found == "else")
                        {
                            found = ParseUntil(otherwise, "/if", depth + 1);
                        }

                        if (found != "/if")
                        {
                            throw new TemplateException(path, $"line {line}: '{{{{#if {name}}}}}' is never closed with '{{{{/if}}}}'.");
                        }

                        into.Add(new IfNode(name, line, then, otherwise));
                        break;
                    case "#each":
                        var body = new List<Node>();
                        if (ParseUntil(body, "/each", depth + 1) != "/each")
                        {
                            throw new TemplateException(path, $"line {line}: '{{{{#each {name}}}}}' is never closed with '{{{{/each}}}}'.");
                        }

                        into.Add(new EachNode(name, line, body));
                        break;
                }
            }

            Flush(into, pending);
            return null;
        }

        private string CheckedName(string name, int line)
        {
            if (name.Length == 0)
            {
                throw new TemplateException(path, $"line {line}: a placeholder needs a name.");
            }

            var bare = name.StartsWith("item.", StringComparison.Ordinal) ? name["item.".Length..] : name;
            if (name != "." && (bare.Length == 0 || !char.IsAsciiLetter(bare[0]) || !bare.All(char.IsAsciiLetterOrDigit)))
            {
                throw new TemplateException(path, $"line {line}: '{name}' is not a placeholder name (letters and digits, or item.field, or .).");
            }

            return name;
        }

        private void Advance(StringBuilder pending, int to)
        {
            for (var i = _pos; i < to; i++)
            {
                if (text[i] == '\n')
                {
                    _line++;
                }
            }

            pending.Append(text, _pos, to - _pos);
            _pos = to;
        }

        /// <summary>
        /// A block tag with nothing but white space around it on its line removes the whole line, so that
        /// <c>{{#if x}}</c> on a line of its own does not leave an empty line in the letter.
        /// </summary>
        private void TakeStandaloneLine(StringBuilder pending, int tagStart)
        {
            var lineStart = tagStart == 0 ? 0 : text.LastIndexOf('\n', tagStart - 1) + 1;

            for (var i = lineStart; i < tagStart; i++)
            {
                if (text[i] is not (' ' or '\t'))
                {
                    return;
                }
            }

            var after = _pos;
            while (after < text.Length && text[after] is ' ' or '\t' or '\r')
            {
                after++;
            }

            if (after < text.Length && text[after] != '\n')
            {
                return;
            }

            var indent = tagStart - lineStart;
            if (indent > 0 && pending.Length >= indent)
            {
                pending.Length -= indent;
            }

            if (after < text.Length)
            {
                _line++;
                after++;
            }

            _pos = after;
        }

        private static void Flush(List<Node> into, StringBuilder pending)
        {
            if (pending.Length > 0)
            {
                into.Add(new TextNode(pending.ToString()));
                pending.Clear();
            }
        }
    }
}
