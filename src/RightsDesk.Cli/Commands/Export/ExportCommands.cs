using System.CommandLine;

namespace RightsDesk.Cli.Commands.Export;

/// <summary><c>rightsdesk export</c>: what the desk hands to the public databases of state and platform actions.</summary>
public static class ExportCommands
{
    public static Command Create()
    {
        var export = new Command("export", "Write (and send) what the desk publishes to the DSA Transparency Database and to Lumen.");
        export.Subcommands.Add(ExportDsaCommand.Create());
        export.Subcommands.Add(ExportLumenCommand.Create());
        return export;
    }
}
