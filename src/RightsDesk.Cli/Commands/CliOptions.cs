using System.CommandLine;

namespace RightsDesk.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
public static class CliOptions
{
    public static Option<string?> Policy() => new("--policy")
    {
        Description = "The policy directory (default: $RIGHTSDESK_POLICY, else ./policy of the checkout).",
    };
}
