using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk serve`: the web host. Configuration comes from appsettings, the environment (RightsDesk__…,
/// Database__…) and flags; the store flags are the ones every command that reads the store takes.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var store = new StoreOptions();
        var command = new Command("serve", "Serve the desk, the authority portal, the public pages and the API.") { urls };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string> { "--urls", parse.GetValue(urls)! };
            // Only what was given on the command line: otherwise the environment and appsettings decide, as before.
            void Pass(Option<string?> option, string setting)
            {
                if (parse.GetValue(option) is { Length: > 0 } value)
                {
                    args.Add($"--{setting}={value}");
                }
            }

            Pass(store.DataDir, "RightsDesk:DataDirectory");
            Pass(store.Engine, "Database:Engine");
            Pass(store.ConnectionString, "Database:ConnectionString");
            Pass(store.KeyFile, "RightsDesk:KeyFile");
            var app = RightsDeskWeb.Build([.. args]);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
