using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Transparency;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Transparency;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Transparency;

/// <summary>
/// <c>rightsdesk report --period 2026-H1 --out DIR</c>: publishes the period's transparency report (a new version when
/// a figure changed since the last one, else the last one again) and writes its files into DIR. Exit 0 after the
/// summary; 2 and a message on standard error when it cannot run (bad period, no database, an inconsistent ledger).
/// </summary>
public static class ReportCommand
{
    public const int Done = 0, Malformed = 2;

    public static Command Create()
    {
        var store = new StoreOptions();
        var period = new Option<string>("--period") { Description = "YYYY, YYYY-H1 or YYYY-H2 (UTC, by date received).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory to write the report's files into.", Required = true };
        var command = new Command("report", "Publish a transparency report for a period and write its CSV, data package, JSON, HTML, PDF and manifest.");
        store.AddTo(command);
        command.Options.Add(period);
        command.Options.Add(output);
        command.Subcommands.Add(DsaReportCommand.Create());
        command.Subcommands.Add(ReportVerifyCommand.Create());
        command.Subcommands.Add(ReportRollupsCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!ReportPeriod.TryParse(parse.GetValue(period), out var p))
            {
                await stderr.WriteLineAsync($"error: '{parse.GetValue(period)}' is not a period: write YYYY, YYYY-H1 or YYYY-H2 (for example 2026-H1).");
                return Malformed;
            }

            try
            {
                var settings = store.Resolve(parse);
                await using var provider = await CliStore.OpenAsync(settings, ct);
                await using var scope = provider.CreateAsyncScope();
                var (record, created, written) = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
                    ? await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
                    {
                        var task = context.AddTask($"Report {p.Label}", maxValue: 6);
                        return await RunAsync(scope.ServiceProvider, p, parse.GetValue(output)!.FullName, new Progress<string>(step =>
                        {
                            task.Description = $"Report {p.Label}: {step}";
                            task.Increment(1);
                        }), ct);
                    })
                    : await RunAsync(scope.ServiceProvider, p, parse.GetValue(output)!.FullName, null, ct);
                await stdout.WriteLineAsync($"period: {record.Period}");
                await stdout.WriteLineAsync($"version: {record.Version}{(created ? "" : " (unchanged since it was published)")}");
                await stdout.WriteLineAsync($"tree head: size {record.TreeSize}, root {record.TreeRoot}");
                await stdout.WriteLineAsync($"records: {record.RecordCount}, root {record.RecordsRoot}");
                foreach (var (file, sha) in written.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    await stdout.WriteLineAsync($"{file}: {sha}");
                }

                if (written.PdfUnavailable is { } why)
                {
                    await stdout.WriteLineAsync($"no PDF: {why}");
                }

                await stdout.WriteLineAsync($"written to {written.Directory}");
                return Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException or DbException or LedgerInconsistentException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return Malformed;
            }
        });
        return command;
    }

    private static async Task<(Data.Transparency.TransparencyReportRecord, bool, WrittenReport)> RunAsync(IServiceProvider services, ReportPeriod period, string directory, IProgress<string>? progress, CancellationToken ct)
    {
        var db = services.GetRequiredService<RightsDeskDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var health = new LedgerHealth();
        using var tree = new LedgerTree(health, services.GetRequiredService<ILogger<LedgerTree>>());
        var heads = new LedgerReportHeads(new TreeHeadService(db, tree, services.GetRequiredService<KeyStore>(), health, clock));
        var threshold = services.GetRequiredService<PolicyProvider>().Current.Operator.Transparency.SmallNumberThreshold;
        var outcome = await services.GetRequiredService<PublishReport>().PublishAsync(period, threshold, CliStore.Operator, heads, progress, ct);
        progress?.Report("files");
        var written = await services.GetRequiredService<ReportOutput>().WriteAsync(outcome.Report, directory, ct);
        return (outcome.Report, outcome.Created, written);
    }
}
