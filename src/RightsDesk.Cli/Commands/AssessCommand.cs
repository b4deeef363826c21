using System.CommandLine;
using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;
using RightsDesk.Data.Policy;

namespace RightsDesk.Cli.Commands;

/// <summary>`rightsdesk assess FILE.json [--at-risk FILE] [--format json|text] [--policy DIR]`: the assessment, offline.</summary>
public static class AssessCommand
{
    private const long MaxAtRiskFileBytes = 16 * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The demand as JSON (the same shape the API accepts)." };
        var atRisk = new Option<FileInfo?>("--at-risk") { Description = "A JSON array of { \"id\": ..., \"category\": ... } naming people on the at-risk registry." };
        var format = new Option<string>("--format") { Description = "json or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var policyDir = CliOptions.Policy();

        var command = new Command("assess", "Run the rights assessment on a demand file and print the recommendation with its findings.")
        {
            file, atRisk, format, policyDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var policy = PolicyDirectory.Load(PolicyDirectory.Locate(parse.GetValue(policyDir)));
                var demand = DemandReader.Read(ReadSmall(parse.GetValue(file)!, DemandReader.MaxDocumentBytes));
                var registry = parse.GetValue(atRisk) is { } f ? ReadAtRisk(f) : null;
                var result = new RightsAssessor(policy).Assess(demand, registry);
                if (parse.GetValue(format) == "json")
                {
                    output.WriteLine(JsonSerializer.Serialize(result, JsonNames.Indented));
                }
                else
                {
                    AssessmentText.Write(output, demand, result);
                }

                return 0;
            }
            catch (ValidationFailedException ex)
            {
                error.WriteLine("The demand was refused:");
                foreach (var e in ex.Errors)
                {
                    error.WriteLine($"  {e.Field}: {e.Message}");
                }

                return 2;
            }
            catch (Exception ex) when (ex is PolicyException or CliInputException)
            {
                error.WriteLine(ex.Message);
                return 2;
            }
        });
        return command;
    }

    internal static byte[] ReadSmall(FileInfo file, long max)
    {
        if (!file.Exists)
        {
            throw new CliInputException($"{file.FullName}: no such file.");
        }

        if (file.Length > max)
        {
            throw new CliInputException($"{file.FullName}: larger than {max / 1024} KB.");
        }

        return File.ReadAllBytes(file.FullName);
    }

    internal static AtRiskList ReadAtRisk(FileInfo file)
    {
        var bytes = ReadSmall(file, MaxAtRiskFileBytes);
        List<AtRiskEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<AtRiskEntry>>(bytes, JsonNames.Options);
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"--at-risk {file.Name}: not a JSON array of {{ \"id\", \"category\" }} ({ex.Message})");
        }

        var list = new List<(string, string)>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var e = entries![i];
            if (string.IsNullOrWhiteSpace(e.Id))
            {
                throw new CliInputException($"--at-risk {file.Name}: [{i}].id is required.");
            }

            if (e.Category is null || !AtRiskCategories.All.Contains(e.Category))
            {
                throw new CliInputException($"--at-risk {file.Name}: [{i}].category must be one of {string.Join(", ", AtRiskCategories.All)}.");
            }

            list.Add((e.Id, e.Category));
        }

        return new AtRiskList(list);
    }

    private sealed record AtRiskEntry(string? Id, string? Category);
}

/// <summary>Bad input to a command: printed as is, exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
