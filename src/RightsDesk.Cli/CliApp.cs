using System.CommandLine;

namespace RightsDesk.Cli;

/// <summary>Builds the `rightsdesk` command tree. Each feature contributes its own commands from Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RightsDesk: handle state demands the way human rights standards say you must.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }
}
