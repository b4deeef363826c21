using System.Text.Json;
using RightsDesk.Cli;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Cli;

/// <summary>`rightsdesk assess` gives every worked example its documented recommendation, and refuses bad input with exit 2.</summary>
public class AssessCommandTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(TestRepo.Root, "policy", "examples"), "*.demand.json").Order())
        {
            data.Add(Path.GetFileName(f).Replace(".demand.json", "", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_cli_gives_each_example_its_documented_recommendation(string name)
    {
        var dir = Path.Combine(TestRepo.Root, "policy", "examples");
        var args = new List<string> { "assess", Path.Combine(dir, name + ".demand.json"), "--format", "json", "--policy", Path.Combine(TestRepo.Root, "policy") };
        var atRisk = Path.Combine(dir, name + ".at-risk.json");
        if (File.Exists(atRisk))
        {
            args.AddRange(["--at-risk", atRisk]);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync([.. args], output, error));
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, name + ".expected.json"))).RootElement.GetProperty("recommendation").GetString();
        Assert.Equal(expected, JsonDocument.Parse(output.ToString()).RootElement.GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task Invalid_input_exits_2_naming_the_field()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, TestRepo.RawExample("01-us-search-warrant").Replace("\"country\": \"US\"", "\"country\": \"USA\"", StringComparison.Ordinal));
        var error = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["assess", file, "--policy", Path.Combine(TestRepo.Root, "policy")], new StringWriter(), error));
        Assert.Contains("authority.country", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await CliApp.RunAsync(["assess", file, "--format", "xml"], new StringWriter(), new StringWriter()));
        File.Delete(file);
    }
}
