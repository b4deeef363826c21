using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Cli.Commands;

/// <summary>`rightsdesk serve`: the web host. Configuration comes from appsettings, environment (RightsDesk__…) and flags.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve the API (and, later, the desk and public pages).") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = RightsDeskWeb.Build(["--urls", parse.GetValue(urls)!]);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
