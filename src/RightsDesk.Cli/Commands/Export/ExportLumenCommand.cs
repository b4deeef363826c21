using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Exports;
using RightsDesk.Core;
using RightsDesk.Core.Exports;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Export;

/// <summary>
/// <c>rightsdesk export lumen --from DATE --to DATE --out DIR</c>: writes a Lumen notice (GovernmentRequest or
/// CourtOrder) for each government and court takedown demand received in the period whose decision is recorded,
/// with personal data redacted and each redaction explained. Exit 0 when done; 2 and a message when it cannot run.
/// </summary>
public static class ExportLumenCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var from = new Option<string>("--from") { Description = "The first day (YYYY-MM-DD) of demands to export, by the day they were received.", Required = true };
        var to = new Option<string>("--to") { Description = "The last day (YYYY-MM-DD), inclusive.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory for the notices (only notice-REFERENCE.json files are written there).", Required = true };
        var command = new Command("lumen", "Write Lumen notices for government and court takedown demands, with personal data redacted and each redaction explained.");
        store.AddTo(command);
        foreach (var o in new Option[] { from, to, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryDay(parse.GetValue(from), out var first) || !TryDay(parse.GetValue(to), out var last))
            {
                await stderr.WriteLineAsync("error: --from and --to are days written YYYY-MM-DD, for example 2026-01-01.");
                return ExportDsaCommand.Malformed;
            }

            try
            {
                await using var provider = await CliStore.OpenAsync(store.Resolve(parse), ct);
                await using var scope = provider.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<ExportLumenNotices>()
                    .RunAsync(first, last, parse.GetValue(output)!.FullName, CliStore.Operator, ct);
                Write(ExportConsole.For(parse.InvocationConfiguration.Output), summary);
                return ExportDsaCommand.Done;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return ExportDsaCommand.Malformed;
            }
        });
        return command;
    }

    /// <summary>One row per figure (notices, each kind of redaction, each reason for skipping), then the demands held
    /// by a non-disclosure order by reference, so staff know when to export again.</summary>
    public static void Write(IAnsiConsole console, LumenExportSummary s)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(s);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(4));
        grid.AddColumn(new GridColumn().NoWrap().RightAligned());
        void Row(string name, int value) => grid.AddRow(Markup.Escape(name), value.ToString(CultureInfo.InvariantCulture));
        Row("notices written", s.Files.Count);
        Row("court orders", s.CourtOrders);
        Row("government requests", s.GovernmentRequests);
        Row("redacted accounts", s.Redactions[LumenRedactionKind.Account]);
        Row("redacted emails", s.Redactions[LumenRedactionKind.Email]);
        Row("redacted phones", s.Redactions[LumenRedactionKind.Phone]);
        Row("officials not named", s.Redactions[LumenRedactionKind.Official]);
        Row("skipped: no decision yet", s.Skipped[LumenSkip.NoDecision]);
        Row("skipped: decision awaiting approval", s.Skipped[LumenSkip.AwaitingApproval]);
        Row("skipped: waiting for the authority", s.Skipped[LumenSkip.WaitingForAuthority]);
        Row("skipped: non-disclosure order in force", s.Skipped[LumenSkip.NonDisclosureInForce]);
        console.Write(grid);
        if (s.Held.Count > 0)
        {
            console.WriteLine("A demand under a non-disclosure order is not exported until the order ends; export the period again after that day:");
            foreach (var h in s.Held)
            {
                console.WriteLine(h.Until is { } until
                    ? $"  held: {h.Reference}: the order binds until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                    : $"  held: {h.Reference}: the order has no end date; it is exported once the order is lifted");
            }
        }

        foreach (var kind in Enum.GetValues<LumenRedactionKind>().Where(k => s.Redactions[k] > 0))
        {
            console.WriteLine($"redaction {JsonNames.Of(kind)}: {LumenRedaction.Reasons[kind]}");
        }
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
