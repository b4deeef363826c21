using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Exports;
using RightsDesk.Data.Encryption;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Export;

/// <summary>
/// <c>rightsdesk export dsa --from DATE --to DATE --out DIR [--submit URL --token-file FILE]</c>: writes the
/// statements of reasons of the decisions applied in the period as the Transparency Database's batch files, and with
/// <c>--submit</c> sends them. Exit 0 when done; 1 when a submission stopped with statements still to send (run it
/// again to resume); 2 and a message on standard error when it cannot run.
/// </summary>
public static class ExportDsaCommand
{
    public const int Done = 0, Incomplete = 1, Malformed = 2;

    public static Command Create()
    {
        var store = new StoreOptions();
        var from = new Option<string>("--from") { Description = "The first day (YYYY-MM-DD) of decisions to export, by application date.", Required = true };
        var to = new Option<string>("--to") { Description = "The last day (YYYY-MM-DD), inclusive.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory for the batch files (only batch-NNNNN.json files are written there).", Required = true };
        var submit = new Option<string?>("--submit") { Description = "The Transparency Database to send the batches to, e.g. https://transparency.dsa.ec.europa.eu." };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "A file holding the API token (a token on the command line would show in the process list)." };
        var retryDelay = new Option<int>("--retry-delay-ms") { Description = "The wait before the first retry after a 429 or 5xx, doubled for each next one.", DefaultValueFactory = _ => 1000 };
        var attempts = new Option<int>("--max-attempts") { Description = "Calls per batch before the run stops (a later run resumes).", DefaultValueFactory = _ => 8 };
        var command = new Command("dsa", "Write statements of reasons for the DSA Transparency Database, pseudonymised and redacted, in batches of 100; optionally submit them.");
        store.AddTo(command);
        foreach (var o in new Option[] { from, to, output, submit, tokenFile, retryDelay, attempts })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryDay(parse.GetValue(from), out var first) || !TryDay(parse.GetValue(to), out var last))
            {
                await stderr.WriteLineAsync("error: --from and --to are days written YYYY-MM-DD, for example 2026-01-01.");
                return Malformed;
            }

            var submitTo = parse.GetValue(submit);
            var url = submitTo is not null && Uri.TryCreate(submitTo, UriKind.Absolute, out var parsed) ? parsed : null;
            var tokenPath = parse.GetValue(tokenFile);
            if (submitTo is not null && (url is null || tokenPath is null || url.Scheme is not ("https" or "http")))
            {
                await stderr.WriteLineAsync("error: --submit takes an absolute http(s) URL and needs --token-file FILE.");
                return Malformed;
            }

            try
            {
                var token = url is null ? null : ReadToken(tokenPath!);
                var settings = store.Resolve(parse);
                KeyRing.EnsureExportKey(settings.KeyFile);
                await using var provider = await CliStore.OpenAsync(settings, ct);
                var console = ExportConsole.For(stdout);
                var exported = await ExportAsync(provider, first, last, parse.GetValue(output)!.FullName, stdout, ct);
                ExportConsole.WriteExport(console, exported);
                if (url is null)
                {
                    return Done;
                }

                var options = new DsaSubmissionOptions(TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(retryDelay))), Math.Max(1, parse.GetValue(attempts)));
                var submitted = await SubmitAsync(provider, parse.GetValue(output)!.FullName, url, token!, options, stdout, ct);
                ExportConsole.WriteSubmission(console, url, submitted);
                return submitted.Complete ? Done : Incomplete;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return Malformed;
            }
        });
        return command;
    }

    private static async Task<DsaExportSummary> ExportAsync(IServiceProvider provider, DateOnly from, DateOnly to, string directory, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var export = scope.ServiceProvider.GetRequiredService<ExportDsaStatements>();
        if (!ExportConsole.Interactive(stdout))
        {
            return await export.RunAsync(from, to, directory, CliStore.Operator, null, ct);
        }

        return await AnsiConsole.Status().StartAsync("Exporting statements", async context =>
            await export.RunAsync(from, to, directory, CliStore.Operator, new Progress<int>(n => context.Status($"Exporting statements: {n} written")), ct));
    }

    private static async Task<DsaSubmissionSummary> SubmitAsync(IServiceProvider provider, string directory, Uri url, string token, DsaSubmissionOptions options, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var submit = scope.ServiceProvider.GetRequiredService<SubmitDsaStatements>();
        // The existing-puid lookup answers 302 with the statement itself: that is the answer, not a place to go.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(100) };
        var client = new TransparencyDatabaseClient(http, url, token);
        if (!ExportConsole.Interactive(stdout))
        {
            return await submit.RunAsync(directory, url, client, options, CliStore.Operator, null, ct);
        }

        return await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Submitting");
            return await submit.RunAsync(directory, url, client, options, CliStore.Operator, new Progress<DsaSubmissionProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
                task.Description = $"Submitting ({p.Step})";
            }), ct);
        });
    }

    private static string ReadToken(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new InvalidOperationException($"There is no token file at {file.FullName}.");
        }

        var token = File.ReadAllText(file.FullName).Trim();
        return token.Length > 0 && !token.Any(char.IsWhiteSpace)
            ? token
            : throw new InvalidOperationException($"The token file {file.FullName} should hold the token alone, on one line.");
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
