using System.Text;
using System.Text.Json;

namespace RightsDesk.Core.Tests.Common;

/// <summary>The strict reader every kind of input passes: what a sender sees when a body is refused.</summary>
public class StrictJsonTests
{
    private static ValidationFailedException Refused(string json, int maxBytes = 4096) =>
        Assert.Throws<ValidationFailedException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json), maxBytes, "Too large.").Dispose());

    [Fact]
    public void A_duplicate_key_deep_inside_an_array_is_refused_by_its_path()
    {
        var refused = Refused("""{"a":{"items":[{"id":1},{"id":2,"id":3}]}}""");

        var e = Assert.Single(refused.Errors);
        Assert.Equal("a.items[1].id", e.Field);
        Assert.StartsWith("Duplicate key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_duplicate_key_is_reported_not_only_the_first()
    {
        var refused = Refused("""{"kind":"x","kind":"y","authority":{"name":"a","name":"b"}}""");

        Assert.Equal(["kind", "authority.name"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_body_over_the_limit_is_refused_before_it_is_parsed_with_the_callers_message()
    {
        // Not JSON at all: the size is checked first, so the sender learns the real reason.
        var refused = Refused(new string('{', 5000));

        Assert.Equal(new FieldError("$", "Too large."), Assert.Single(refused.Errors));
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused_as_the_whole_body()
    {
        var refused = Refused(string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20)));

        Assert.Equal("$", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_refused_with_its_position()
    {
        var refused = Refused("""{"a":"\ud800"}""");

        Assert.Contains("at byte 6", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_by_its_full_path()
    {
        using var doc = StrictJson.Parse("""{"authority":{"name":"x","nmae":"y"}}"""u8, 4096, "Too large.");
        var input = new JsonInput();

        input.RejectUnknown(doc.RootElement.GetProperty("authority"), "authority", "name", "country");

        var e = Assert.Single(input.Errors);
        Assert.Equal("authority.nmae", e.Field);
        Assert.Equal("Unknown field; expected one of: name, country.", e.Message);
    }

    private sealed record Decision(string Id, bool Remove);

    private static Decision? ReadDecision(JsonInput r, JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "Expected an object.");
            return null;
        }

        r.RejectUnknown(item, path, "id", "remove");
        var id = r.RequiredString(item, "id", 40, path + ".id");
        var remove = r.RequiredBool(item, "remove", path + ".remove");
        return id is null || remove is null ? null : new Decision(id, remove.Value);
    }

    [Fact]
    public void A_batch_returns_each_item_or_its_own_errors()
    {
        using var doc = StrictJson.Parse("""
            {"decisions":[{"id":"a","remove":true},{"id":"b","remove":"yes"},7,{"id":"d","remove":false,"why":"x"}]}
            """u8, 4096, "Too large.");

        var items = JsonBatch.Read<Decision>(doc.RootElement, "decisions", 1000, ReadDecision);

        Assert.Equal(4, items.Count);
        Assert.Equal(new Decision("a", true), items[0].Value);
        Assert.True(items[0].Accepted);
        Assert.Equal("decisions[1].remove", Assert.Single(items[1].Errors).Field);
        Assert.Null(items[1].Value);
        Assert.Equal("decisions[2]", Assert.Single(items[2].Errors).Field);
        Assert.Equal("decisions[3].why", Assert.Single(items[3].Errors).Field);
        Assert.False(items[3].Accepted);
    }

    [Fact]
    public void A_batch_over_its_item_limit_is_refused_whole()
    {
        using var doc = StrictJson.Parse(Encoding.UTF8.GetBytes("{\"decisions\":[" + string.Join(',', Enumerable.Repeat("{}", 4)) + "]}"), 4096, "Too large.");

        var refused = Assert.Throws<ValidationFailedException>(() => JsonBatch.Read<Decision>(doc.RootElement, "decisions", 3, ReadDecision));

        var e = Assert.Single(refused.Errors);
        Assert.Equal("decisions", e.Field);
        Assert.Contains("At most 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_with_an_unknown_top_level_field_is_refused_whole()
    {
        using var doc = StrictJson.Parse("""{"decisions":[{"id":"a","remove":true}],"dryRun":true}"""u8, 4096, "Too large.");

        var refused = Assert.Throws<ValidationFailedException>(() => JsonBatch.Read<Decision>(doc.RootElement, "decisions", 10, ReadDecision));

        Assert.Equal("dryRun", Assert.Single(refused.Errors).Field);
    }
}
