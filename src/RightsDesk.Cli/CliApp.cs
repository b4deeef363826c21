using System.CommandLine;
using RightsDesk.Cli.Commands;

namespace RightsDesk.Cli;

/// <summary>Builds the `rightsdesk` command tree. Each feature contributes its own commands from Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RightsDesk: handle state demands the way human rights standards say you must.");

        var ledger = new Command("ledger", "The tamper-evident ledger");
        foreach (var c in LedgerProofCommands.Create())
        {
            ledger.Subcommands.Add(c);
        }

        root.Subcommands.Add(ledger);

        var bench = new Command("bench", "Measure throughput on this machine");
        bench.Subcommands.Add(LedgerBench.Create());
        root.Subcommands.Add(bench);

        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }
}
