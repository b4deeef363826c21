using RightsDesk.Core.Letters;

namespace RightsDesk.Core.Tests.Letters;

public sealed class TemplateTests
{
    private static readonly Dictionary<string, object?> Values = new(StringComparer.Ordinal)
    {
        ["name"] = "Ada",
        ["empty"] = null,
        ["yes"] = true,
        ["no"] = false,
        ["list"] = new List<string> { "one", "two" },
        ["none"] = new List<string>(),
        ["rows"] = new List<IReadOnlyDictionary<string, string?>>
        {
            new Dictionary<string, string?> { ["a"] = "A1", ["b"] = null },
            new Dictionary<string, string?> { ["a"] = "A2", ["b"] = "B2" },
        },
        ["tricky"] = "{{name}} and {{#if yes}}",
    };

    private static string Render(string text) => Template.Render("test/t.md", text, Values);

    [Fact]
    public void Substitutes_values_and_leaves_null_empty() =>
        Assert.Equal("Hello Ada, [].", Render("Hello {{name}}, [{{empty}}]."));

    [Fact]
    public void Inserts_values_verbatim_without_reading_them_as_template() =>
        Assert.Equal("x {{name}} and {{#if yes}} y", Render("x {{tricky}} y"));

    [Fact]
    public void If_else_follows_truthiness_of_text_flags_and_lists()
    {
        Assert.Equal("T", Render("{{#if name}}T{{else}}F{{/if}}"));
        Assert.Equal("F", Render("{{#if empty}}T{{else}}F{{/if}}"));
        Assert.Equal("T", Render("{{#if yes}}T{{/if}}"));
        Assert.Equal("", Render("{{#if no}}T{{/if}}"));
        Assert.Equal("T", Render("{{#if list}}T{{/if}}"));
        Assert.Equal("F", Render("{{#if none}}T{{else}}F{{/if}}"));
    }

    [Fact]
    public void Each_iterates_strings_and_records()
    {
        Assert.Equal("<one><two>", Render("{{#each list}}<{{.}}>{{/each}}"));
        Assert.Equal("A1;A2=B2;", Render("{{#each rows}}{{item.a}}{{#if item.b}}={{item.b}}{{/if}};{{/each}}"));
        Assert.Equal("", Render("{{#each none}}x{{/each}}"));
    }

    [Fact]
    public void Block_tags_alone_on_a_line_take_the_line_with_them()
    {
        const string text = "Start\n{{#if no}}\nhidden\n{{/if}}\n{{#each list}}\n  - {{.}}\n{{/each}}\nEnd\n";
        Assert.Equal("Start\n  - one\n  - two\nEnd\n", Render(text));
    }

    [Fact]
    public void Unknown_placeholder_fails_even_in_a_branch_not_taken()
    {
        var ex = Assert.Throws<TemplateException>(() => Render("{{#if no}}{{nonsense}}{{/if}}"));
        Assert.Contains("nonsense", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test/t.md", ex.Message, StringComparison.Ordinal);
        Assert.Equal("test/t.md", ex.Template);
    }

    [Fact]
    public void Unknown_item_field_fails_naming_it()
    {
        var ex = Assert.Throws<TemplateException>(() => Render("{{#each rows}}{{item.c}}{{/each}}"));
        Assert.Contains("item.c", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{#if yes}}open", "never closed")]
    [InlineData("{{/if}}", "does not close")]
    [InlineData("{{#each list}}x{{/if}}", "does not close")]
    [InlineData("{{name", "never closed")]
    [InlineData("{{.}}", "inside {{#each}}")]
    [InlineData("{{#unless yes}}x{{/unless}}", "unknown block")]
    [InlineData("{{na me}}", "not a placeholder name")]
    [InlineData("{{#if}}x{{/if}}", "needs a name")]
    [InlineData("{{yes}}", "not text")]
    [InlineData("{{#each name}}x{{/each}}", "not a list")]
    public void Broken_templates_fail_with_a_reason(string text, string reason)
    {
        var ex = Assert.Throws<TemplateException>(() => Render(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_lines_count_from_one()
    {
        var ex = Assert.Throws<TemplateException>(() => Render("a\n{{#if yes}}\nb\n{{/if}}\n{{missing}}"));
        Assert.Contains("line 5", ex.Message, StringComparison.Ordinal);
    }
}
