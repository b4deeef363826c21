using System.CommandLine;
using RightsDesk.Cli.Commands;

namespace RightsDesk.Cli;

/// <summary>Builds the `rightsdesk` command tree. Each feature contributes its own commands from Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RightsDesk: handle state demands the way human rights standards say you must.");
        root.Subcommands.Add(AssessCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TokenCommands.Create());
        root.Subcommands.Add(FlaggerCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(UserCommands.CreateTotp());
        root.Subcommands.Add(KeyCommands.Create());

        var ledger = new Command("ledger", "The tamper-evident ledger: verify proofs against a published tree head, or the whole stored ledger.");
        foreach (var c in LedgerProofCommands.Create())
        {
            ledger.Subcommands.Add(c);
        }

        ledger.Subcommands.Add(LedgerVerifyCommand.Create());

        root.Subcommands.Add(ledger);
        root.Subcommands.Add(Commands.Transparency.ReportCommand.Create());
        root.Subcommands.Add(Commands.Impact.ImpactReportCommand.Create());
        root.Subcommands.Add(Commands.Export.ExportCommands.Create());
        root.Subcommands.Add(Commands.Originals.PublishCommands.Create());
        root.Subcommands.Add(BenchCommands.Create(LedgerBench.Create(), ListBench.Create(), Commands.Bench.IngestBench.Create(), Commands.Bench.ReportBench.Create(), Commands.Bench.IncidentBench.Create()));
        return root;
    }

    /// <summary>Malformed arguments exit 2, like invalid input, so scripts can tell them from a negative answer (1).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parse.Errors)
            {
                await config.Error.WriteLineAsync(e.Message);
            }

            await config.Error.WriteLineAsync("Run with --help for usage.");
            return 2;
        }

        return await parse.InvokeAsync(config);
    }
}
