using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency.Dsa;

namespace RightsDesk.Cli.Commands.Transparency;

/// <summary>
/// <c>rightsdesk report dsa --year 2026 --out DIR</c>: the year's report in the DSA harmonised templates
/// (Implementing Regulation (EU) 2024/2835), a CSV per sheet and one XLSX workbook, with exact figures. Exit 0 after
/// listing the files with their SHA-256; 2 and a message on standard error when it cannot run.
/// </summary>
public static class DsaReportCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var year = new Option<int>("--year") { Description = "The calendar year reported (UTC, by date received).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory to write the sheets and the workbook into.", Required = true };
        var version = new Option<int>("--version") { Description = "The version of this year's report: 1, or the number of a correction.", DefaultValueFactory = _ => 1 };
        var previous = new Option<string?>("--previous-publication") { Description = "The date (YYYY-MM-DD) the latest previous report was published, if any." };
        var command = new Command("dsa", "Write the year's report in the DSA harmonised templates: a CSV per sheet and an XLSX workbook.");
        store.AddTo(command);
        command.Options.Add(year);
        command.Options.Add(output);
        command.Options.Add(version);
        command.Options.Add(previous);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var y = parse.GetValue(year);
            DateOnly? before = null;
            if (parse.GetValue(previous) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    await stderr.WriteLineAsync($"error: '{text}' is not a date: write YYYY-MM-DD.");
                    return ReportCommand.Malformed;
                }

                before = d;
            }

            if (y is < 2024 or > 9999 || parse.GetValue(version) < 1)
            {
                await stderr.WriteLineAsync("error: --year must be 2024 or later (the templates apply from then) and --version 1 or more.");
                return ReportCommand.Malformed;
            }

            try
            {
                await using var provider = await CliStore.OpenAsync(store.Resolve(parse), ct);
                await using var scope = provider.CreateAsyncScope();
                var hashes = await scope.ServiceProvider.GetRequiredService<DsaExport>().WriteAsync(y, parse.GetValue(version), before, parse.GetValue(output)!.FullName, CliStore.Operator, ct);
                await stdout.WriteLineAsync($"year: {y}");
                foreach (var (file, sha) in hashes.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    await stdout.WriteLineAsync($"{file}: {sha}");
                }

                await stdout.WriteLineAsync($"written to {parse.GetValue(output)!.FullName}");
                return ReportCommand.Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException or DbException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return ReportCommand.Malformed;
            }
        });
        return command;
    }
}
