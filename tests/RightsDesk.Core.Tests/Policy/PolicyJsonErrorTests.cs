using RightsDesk.Core.Policy;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.PolicyFiles;

/// <summary>An operator who mistypes a policy file is told which field of which file, in the file's own terms.</summary>
public sealed class PolicyJsonErrorTests
{
    private static string Refusal(string file, Func<string, string> change) =>
        Assert.Throws<PolicyException>(() => Repo.LoadPolicy(Repo.PolicyDir, (rel, text) => rel == file ? change(text) : text)).Message;

    [Fact]
    public void An_unknown_field_is_named_with_its_file_and_line_and_no_dotnet_words()
    {
        var message = Refusal("jurisdictions/DE.json", t => t.Replace("\"country\"", "\"countri\"", StringComparison.Ordinal));
        Assert.StartsWith("policy/jurisdictions/DE.json: ", message, StringComparison.Ordinal);
        Assert.Contains("'countri' is not a field this file has", message, StringComparison.Ordinal);
        Assert.Matches("line [0-9]+", message);
        Assert.DoesNotContain(".NET", message, StringComparison.Ordinal);
        Assert.DoesNotContain("RightsDesk.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_says_what_is_expected()
    {
        var message = Refusal("operator.json", t => System.Text.RegularExpressions.Regex.Replace(t, "\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": 12", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("at name", message, StringComparison.Ordinal);
        Assert.Contains("text in quotes is expected here", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_points_at_the_line()
    {
        var message = Refusal("offences.json", t => t.Insert(t.IndexOf('[', StringComparison.Ordinal) + 1, "{ oops"));
        Assert.Contains("not well-formed JSON", message, StringComparison.Ordinal);
        Assert.Matches("line [0-9]+", message);
    }
}
