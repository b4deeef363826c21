using System.Globalization;
using RightsDesk.Application.Exports;
using Spectre.Console;

namespace RightsDesk.Cli.Commands.Export;

/// <summary>The exports' summaries, drawn with Spectre.Console on the command's own output (a grid of
/// <c>name  value</c> rows, so a script or a test reads them as easily as a person).</summary>
public static class ExportConsole
{
    public static bool Interactive(TextWriter stdout) => ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

    public static IAnsiConsole For(TextWriter stdout) => Interactive(stdout)
        ? AnsiConsole.Console
        : AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

    public static void WriteExport(IAnsiConsole console, DsaExportSummary s)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(s);
        var grid = Grid();
        Row(grid, "statements written", s.Statements);
        Row(grid, "batches", s.Files.Count);
        Row(grid, "redacted emails", s.EmailsRedacted);
        Row(grid, "redacted phones", s.PhonesRedacted);
        Row(grid, "skipped outside the EEA", s.OutsideEea);
        Row(grid, "not written (would not validate)", s.Invalid);
        grid.AddRow("statements per second", s.PerSecond.ToString("F0", CultureInfo.InvariantCulture));
        // The process's high-water mark, to show the export's memory does not grow with the number of statements.
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            grid.AddRow("peak memory (MB)", (self.PeakWorkingSet64 / 1048576.0).ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(grid);
        foreach (var bad in s.InvalidItems)
        {
            // The decision's id names it for staff; its puid and texts stay out of the console.
            console.WriteLine($"not written: decision {bad.DecisionId}: " + string.Join("; ", bad.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    public static void WriteSubmission(IAnsiConsole console, Uri url, DsaSubmissionSummary s)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(s);
        var grid = Grid();
        grid.AddRow("submitted to", Markup.Escape(url.GetLeftPart(UriPartial.Path)));
        Row(grid, "statements in batches", s.Total);
        Row(grid, "submitted now", s.Submitted);
        Row(grid, "already in the database", s.AlreadyThere);
        Row(grid, "refused by the database", s.Refused);
        Row(grid, "confirmed by lookup", s.Confirmed);
        Row(grid, "not yet confirmed", s.Unconfirmed);
        Row(grid, "still to send", s.Pending);
        Row(grid, "retries", s.Retries);
        console.Write(grid);
        if (!s.Complete)
        {
            console.WriteLine("The run stopped with statements still to send: run the same command again to resume.");
        }
    }

    private static Grid Grid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(4));
        grid.AddColumn(new GridColumn().NoWrap().RightAligned());
        return grid;
    }

    private static void Row(Grid grid, string name, int value) => grid.AddRow(name, value.ToString(CultureInfo.InvariantCulture));
}
