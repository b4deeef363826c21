namespace RightsDesk.Cli;

internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
