using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Common;

/// <summary>
/// The field readers every kind of input uses, where they were made cheaper for batches of a thousand: a date is read
/// by hand, a refusal's path is built only when something is refused, the strict parser reuses its sets of names and
/// keeps the caller's bytes. What a sender sees must be what it was before.
/// </summary>
public class JsonInputTests
{
    /// <summary>What the reader accepted before it read dates by hand: the culture-aware parser, years 1990 to 2200.</summary>
    private static DateOnly? Reference(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2200 ? d : null;

    private static DateOnly? Read(string text, out IReadOnlyList<FieldError> errors)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["on"] = text }));
        var input = new JsonInput();
        var day = input.OptionalDate(doc.RootElement, "on");
        errors = input.Errors;
        return day;
    }

    private static readonly Gen<string> Digit = Gen.Elements("0123456789".ToCharArray()).Select(c => c.ToString());

    /// <summary>Day-shaped text: right or wrong lengths, real and impossible days (a 29 February in a common year, a
    /// thirteenth month), other separators and digits from other scripts.</summary>
    private static readonly Gen<string> DayLike = Gen.OneOf(
        Gen.Choose(1980, 2210).SelectMany(y => Gen.Choose(0, 13).SelectMany(m => Gen.Choose(0, 32).Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{d:00}")))),
        Gen.ArrayOf(Gen.Frequency((6, Digit), (2, Gen.Constant("-")), (1, Gen.Elements("/", " ", "T", "٣", "+", "Z"))), 10).Select(string.Concat),
        Gen.ArrayOf(Gen.Frequency((6, Digit), (2, Gen.Constant("-")))).Select(string.Concat),
        Gen.Elements("2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-01-01", " 2026-01-01", "2026-01-01 ", "2026-1-01", "+026-01-01"));

    [Fact]
    public void A_date_is_read_exactly_as_the_culture_aware_parser_reads_it() => FuzzCheck.Run("dates", DayLike, 3000, text =>
    {
        var day = Read(text, out var errors);

        Assert.Equal(Reference(text), day);
        Assert.Equal(day is null ? ["on"] : Array.Empty<string>(), errors.Select(e => e.Field));
    });

    [Fact]
    public void A_refusal_inside_a_batch_item_names_the_item_and_the_field()
    {
        using var doc = JsonDocument.Parse("""{"on":"2026-02-30","name":"x\u0001"}""");
        var input = new JsonInput { Prefix = "decisions[7]" };

        Assert.Null(input.RequiredDate(doc.RootElement, "on"));
        Assert.Null(input.OptionalString(doc.RootElement, "name", 10));
        Assert.Null(input.RequiredString(doc.RootElement, "missing", 10));
        input.OptionalDate(doc.RootElement, "on", "explicit.path");

        Assert.Equal(["decisions[7].on", "decisions[7].name", "decisions[7].missing", "explicit.path"], input.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Without_a_prefix_a_refusal_names_the_bare_field()
    {
        using var doc = JsonDocument.Parse("""{"on":"yesterday"}""");
        var input = new JsonInput();

        input.RequiredDate(doc.RootElement, "on");

        Assert.Equal("on", Assert.Single(input.Errors).Field);
    }

    [Fact]
    public void Sibling_objects_may_use_the_same_names_and_a_duplicate_is_found_in_any_of_them()
    {
        // The strict parser keeps one set of names per depth: a second item must start with an empty one, and the
        // outer object's names must not leak into the items' checks.
        var good = """{"decisions":[{"puid":"a","scope":{"puid":"x"}},{"puid":"b","scope":{"puid":"y"}}],"puid":"top"}""";
        using (StrictJson.Parse(Encoding.UTF8.GetBytes(good), 4096, "Too large."))
        {
        }

        var bad = """{"decisions":[{"puid":"a"},{"puid":"b"},{"puid":"c","scope":{"x":1,"x":2},"puid":"d"}]}""";
        var refused = Assert.Throws<ValidationFailedException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(bad), 4096, "Too large.").Dispose());

        Assert.Equal(["decisions[2].scope.x", "decisions[2].puid"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_body_parsed_in_place_is_refused_as_a_copied_one_is()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":1,"a":2}""");

        var inPlace = Assert.Throws<ValidationFailedException>(() => StrictJson.Parse(body.AsMemory(), 4096, "Too large.").Dispose());
        var oversized = Assert.Throws<ValidationFailedException>(() => StrictJson.Parse(body.AsMemory(), 4, "Too large.").Dispose());

        Assert.Equal("a", Assert.Single(inPlace.Errors).Field);
        Assert.Equal(("$", "Too large."), (Assert.Single(oversized.Errors).Field, oversized.Errors[0].Message));
        using var doc = StrictJson.Parse("""{"a":1}"""u8.ToArray().AsMemory(), 4096, "Too large.");
        Assert.Equal(1, doc.RootElement.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("  @alice@social.example\t", "@alice@social.example")]
    [InlineData("\U0001D41Alice", "alice")]
    [InlineData("ali\U0001F600ce", "ALI\U0001F600CE")]
    public void Plain_and_astral_text_canonicalise_as_before(string typed, string same) =>
        Assert.Equal(Identifiers.Canonical(TargetType.Account, same), Identifiers.Canonical(TargetType.Account, typed));
}
