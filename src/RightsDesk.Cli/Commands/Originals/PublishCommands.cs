using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Originals;
using RightsDesk.Cli.Commands.Export;
using RightsDesk.Core;
using RightsDesk.Core.Originals;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Originals;

/// <summary>
/// <c>rightsdesk publish takedowns --from DATE --to DATE --out DIR [--tier public|researcher]</c>: writes the
/// published originals of the government takedown demands received in the period, one Markdown file per demand
/// under <c>DIR/COUNTRY/YEAR/</c>, with an index per country and year. Exit 0 when done; 2 and a message when it
/// cannot run (a bad day or tier, a directory holding other files, a policy without its rule table).
/// </summary>
public static class PublishCommands
{
    public static Command Create()
    {
        var publish = new Command("publish", "Publish what the desk received and did, for the public or for researchers.");
        publish.Subcommands.Add(Takedowns());
        return publish;
    }

    private static Command Takedowns()
    {
        var store = new StoreOptions();
        var from = new Option<string>("--from") { Description = "The first day (YYYY-MM-DD) of demands to publish, by the day they were received.", Required = true };
        var to = new Option<string>("--to") { Description = "The last day (YYYY-MM-DD), inclusive.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory for the publication (empty, or holding an earlier publication, which is replaced).", Required = true };
        var tier = new Option<string>("--tier") { Description = "public (every personal datum redacted) or researcher (officials' identifiers kept, per policy/originals.json).", DefaultValueFactory = _ => "public" };
        var command = new Command("takedowns", "Write the originals of government takedown demands, personal data replaced by marked placeholders, each redaction listed with its rule.");
        store.AddTo(command);
        foreach (var o in new Option[] { from, to, output, tier })
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

            if (!TryTier(parse.GetValue(tier), out var audience))
            {
                await stderr.WriteLineAsync("error: --tier is public or researcher.");
                return ExportDsaCommand.Malformed;
            }

            try
            {
                await using var provider = await CliStore.OpenAsync(store.Resolve(parse), ct);
                await using var scope = provider.CreateAsyncScope();
                var publication = await scope.ServiceProvider.GetRequiredService<PublishTakedowns>()
                    .RunAsync(first, last, audience, parse.GetValue(output)!.FullName, CliStore.Operator, ct);
                Write(ExportConsole.For(parse.InvocationConfiguration.Output), publication);
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

    /// <summary>One row per figure, then the demands held by a non-disclosure order by reference and end day, so
    /// staff know when to publish again.</summary>
    public static void Write(IAnsiConsole console, TakedownPublication p)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(p);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(4));
        grid.AddColumn(new GridColumn().NoWrap().RightAligned());
        void Row(string name, int value) => grid.AddRow(Markup.Escape(name), value.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("tier", PublishTakedowns.Tier(p.Tier));
        Row("originals published", p.Originals.Count);
        foreach (var kind in Enum.GetValues<OriginalRedactionKind>())
        {
            Row($"redacted {JsonNames.Of(kind)}", p.Redacted(kind));
        }

        Row("not published: not decided yet", p.NotDecided);
        Row("not published: non-disclosure order in force", p.Held.Count);
        console.Write(grid);
        foreach (var (reference, until) in p.Held)
        {
            console.WriteLine(until is { } day
                ? $"  held: {reference}: the order binds until {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                : $"  held: {reference}: the order has no end date; it is published once the order is lifted");
        }
    }

    private static bool TryTier(string? text, out OriginalTier tier)
    {
        tier = text switch { "researcher" => OriginalTier.Researcher, _ => OriginalTier.Public };
        return text is "public" or "researcher";
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
