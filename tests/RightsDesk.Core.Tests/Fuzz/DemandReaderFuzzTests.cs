using System.Text;
using FsCheck.Fluent;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Tests.Support;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Fuzz;

/// <summary>
/// The demand reader's contract under hostile input: it returns a whole demand or throws
/// <see cref="ValidationFailedException"/> naming at least one field — never another exception, which the API would
/// answer with a 500 and the CLI with a crash. Deterministic seed and counts (see <see cref="FuzzCheck"/>).
/// </summary>
public class DemandReaderFuzzTests
{
    private static readonly IReadOnlyList<string> Examples = Directory.GetFiles(Path.Combine(Repo.Root, "policy", "examples"), "*.demand.json")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    private static void ReadsOrRefuses(FuzzCase input)
    {
        try
        {
            var demand = DemandReader.Read(input.Bytes);
            Assert.NotNull(demand.Authority);
            Assert.NotNull(demand.Document);
        }
        catch (ValidationFailedException refused)
        {
            Assert.NotEmpty(refused.Errors);
            // A field path mirrors the client's own names, so an unknown field called "" has the path "".
            Assert.All(refused.Errors, e => Assert.False(e.Field is null || string.IsNullOrEmpty(e.Message)));
        }
    }

    [Fact]
    public void The_examples_are_there_to_mutate() => Assert.True(Examples.Count >= 20, $"only {Examples.Count} worked examples found");

    [Fact]
    public void Mutated_worked_examples_are_read_or_refused() => FuzzCheck.Run("mutated examples", DemandGen.MutatedExample(Examples), 1500, ReadsOrRefuses);

    [Fact]
    public void Random_json_is_read_or_refused() => FuzzCheck.Run("random JSON", DemandGen.RandomJson, 600, ReadsOrRefuses);

    [Fact]
    public void Broken_bytes_are_refused() => FuzzCheck.Run("broken bytes", DemandGen.BrokenBytes(Examples), 800, ReadsOrRefuses);

    [Fact]
    public void Deep_nesting_is_refused() => FuzzCheck.Run("deep nesting", DemandGen.DeepNesting(Examples), 150, input =>
    {
        ReadsOrRefuses(input);
        Assert.Throws<ValidationFailedException>(() => DemandReader.Read(input.Bytes));
    });

    /// <summary>Each field of an example given a value of every shape: the reader refuses each with that field's path.</summary>
    [Fact]
    public void Every_field_given_a_wrong_shape_is_refused_by_path() => FuzzCheck.Run("wrong shapes", WrongShapes, 400, c =>
    {
        ReadsOrRefuses(c.Case);
        if (c.MustFail)
        {
            var refused = Assert.Throws<ValidationFailedException>(() => DemandReader.Read(c.Case.Bytes));
            Assert.Contains(refused.Errors, e => e.Field == c.Field || e.Field.StartsWith(c.Field + ".", StringComparison.Ordinal) || e.Field.StartsWith(c.Field + "[", StringComparison.Ordinal) || e.Field == "$");
        }
    });

    public sealed record Shaped(FuzzCase Case, string Field, bool MustFail);

    /// <summary>Top-level fields of example 01 replaced by a value of a type they never take.</summary>
    private static FsCheck.Gen<Shaped> WrongShapes =>
        Gen.Elements("kind", "receivedAt", "channel", "authority", "legalProcess", "targets", "dataCategories", "dateRange", "document", "emergency", "legalBasis", "deadline")
            .SelectMany(name => Gen.Elements("12", "true", "[]", "{}", "[1,2]", "{\"x\":1}", "\"\"", "\"\\ud800\"").Select(value =>
            {
                var text = DemandGen.WithRawField(Examples[0], name, value);
                // Shapes a field legitimately takes (an empty string for optional text is "absent").
                var fine = (name, value) switch
                {
                    ("legalBasis", "\"\"") or ("dataCategories", "[]") or ("document", "{}") => true,
                    ("emergency", "true") => true,
                    _ => false,
                };
                return new Shaped(new FuzzCase($"{name} = {value}", Encoding.UTF8.GetBytes(text)), name, !fine);
            }));

    /// <summary>Strings at and past the length limits, in every free-text field.</summary>
    [Fact]
    public void Huge_strings_are_refused_or_kept_whole() => FuzzCheck.Run("huge strings", HugeStrings, 60, ReadsOrRefuses);

    private static FsCheck.Gen<FuzzCase> HugeStrings =>
        Gen.Elements("legalBasis", "offence", "statementOfReasons", "redress").SelectMany(name =>
            Gen.Elements(DemandReader.MaxLongText, DemandReader.MaxLongText + 1, DemandReader.MaxDocumentBytes).Select(n =>
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(Examples[0])!.AsObject();
                node[name] = new string('é', n);
                return new FuzzCase($"{name} of {n} characters", Encoding.UTF8.GetBytes(node.ToJsonString()));
            }));

    [Theory]
    [InlineData("{\"kind\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":1}")]
    [InlineData("{\"authority\":{\"name\":\"a\\ud83d\"}}")]
    public void Lone_surrogate_escapes_are_refused_as_input(string json) =>
        Assert.Equal("$", Assert.Throws<ValidationFailedException>(() => DemandReader.Read(json)).Errors[0].Field);

    [Fact]
    public void Invalid_utf8_inside_a_string_is_refused_as_input()
    {
        var bytes = Encoding.UTF8.GetBytes(Examples[0]);
        var at = Examples[0].IndexOf("Wire fraud", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        Assert.Equal("$", Assert.Throws<ValidationFailedException>(() => DemandReader.Read(bytes)).Errors[0].Field);
    }
}
